// The headless entry point: one Node.js process's main thread, from
// bootstrap to exit, as node's StartExecution -> SpinEventLoop -> EmitExit.
#include "engine/node/runtime.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

#include "engine/js/builtins.h"
#include "engine/js/vm.h"
#include "engine/node/message_port.h"
#include "engine/node/process.h"
#include "engine/node/process_run.h"
#include "engine/node/timers_abort.h"
#include "engine/node/web_globals.h"
#include "engine/node/uncaught.h"

namespace looplab::node {

// EmitProcessExit: process.emit('exit', process.exitCode ?? 0); the
// listeners may still change process.exitCode.
int emit_process_exit(NodeProcess& p) {
    if (!p.exiting) {
        p.exiting = true;
        js::Value code = js::Value::number(p.exit_code_or(0));
        p.record(trace::EventKind::Emit, trace::Rule::ExitEvent, p.intern("exit"));
        try {
            p.emit("exit", std::span<const js::Value>(&code, 1));
        } catch (const js::JsException& e) {
            p.handle_uncaught(e.value, false);
        }
    }
    return p.exit_code_or(0);
}

namespace {

using trace::EventKind;
using trace::Rule;

// Records the VM's statements and JS calls when a trace is wanted. Code
// compiled from Node's own sources ("node:..." files, e.g. timers/promises'
// setInterval) is internal: no steps, and its frames are dimmed.
class TraceObserver final : public js::VmObserver {
public:
    TraceObserver(NodeProcess& p, trace::Trace& t) : process_(p), trace_(t) {}
    void on_statement(uint32_t script_id, uint32_t line, uint32_t column) override {
        // A statement boundary is a safe point: a runaway loop under trace
        // ends here once the trace is full.
        if (trace_.full()) throw js::LimitExceeded{trace_.limit_message()};
        const int32_t file = file_index(script_id);
        if (file < 0) return;
        process_.record(EventKind::Step, Rule::None, line, (uint32_t(file) << 20) | std::min(column, 0xFFFFFu));
    }
    void on_call_enter(js::JsFunction* fn, bool native) override {
        if (native) return;
        const Frame frame = frame_of(static_cast<js::JsClosure*>(fn));
        process_.record(EventKind::CallPush, Rule::None, frame.name, frame.b);
    }
    void on_call_exit(js::JsFunction*, bool native) override {
        if (!native) process_.record(EventKind::CallPop, Rule::None);
    }

private:
    // A CallPush's operands: the interned name and line << 1 | internal.
    struct Frame {
        uint32_t name = 0;
        uint32_t b = 0;
    };
    // A frame's operands and what they were computed from. A slot is used
    // only when those inputs are equal again, so a stale slot (a collected
    // template's address reused) can cost a miss, never a wrong frame.
    struct FrameSlot {
        const js::FunctionTemplate* tmpl = nullptr;
        const js::Script* script = nullptr;
        uint32_t line = 0;
        bool anonymous = false;
        Frame frame;
    };

    // Labelling and interning every call's name (a copy and a hash per
    // frame) was most of a traced call's cost; a repeated function now costs
    // one compare of its name. The slot index comes from the address, but
    // the output never depends on it.
    Frame frame_of(js::JsClosure* closure) {
        const js::FunctionTemplate* tmpl = closure->tmpl;
        const js::Script* script = tmpl->script.get();
        FrameSlot& slot = frame_slots_[(reinterpret_cast<uintptr_t>(tmpl) >> 4) % frame_slots_.size()];
        if (slot.tmpl == tmpl && slot.script == script && slot.line == tmpl->line &&
            (tmpl->name.empty() ? slot.anonymous : !slot.anonymous && trace_.str(slot.frame.name) == tmpl->name)) {
            return slot.frame;
        }
        const bool internal = script != nullptr && script->filename.rfind("node:", 0) == 0;
        const CallbackLabel label = process_.describe(js::Value::object(closure));
        slot = FrameSlot{tmpl, script, tmpl->line, tmpl->name.empty(),
                         Frame{process_.intern(label.name), (label.line << 1) | (internal ? 1u : 0u)}};
        return slot.frame;
    }

    // The trace's file number for a script (files are added as they first
    // run), or -1 for Node's internal code.
    int32_t file_index(uint32_t script_id) {
        if (script_id < files_.size() && files_[script_id] != kUnknown) return files_[script_id];
        if (script_id >= files_.size()) files_.resize(script_id + 1, kUnknown);
        const js::Script* script = process_.isolate().interpreter().script(script_id);
        int32_t index = -1;
        if (script != nullptr && script->filename.rfind("node:", 0) != 0) {
            index = -1;
            for (size_t i = 0; i < trace_.files().size(); i++) {
                if (trace_.files()[i].path == script->filename) index = int32_t(i);
            }
            if (index < 0) {
                trace_.add_file(script->filename, script->source);
                index = int32_t(trace_.files().size() - 1);
            }
        }
        files_[script_id] = index;
        return index;
    }
    static constexpr int32_t kUnknown = -2;
    NodeProcess& process_;
    trace::Trace& trace_;
    std::vector<int32_t> files_;  // script id -> trace file index
    std::array<FrameSlot, 256> frame_slots_{};
};

std::string absolute_script(const std::string& arg) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p = fs::absolute(arg, ec);
    fs::path canonical = fs::weakly_canonical(p, ec);
    return (ec ? p : canonical).lexically_normal().string();
}

bool read_file(const std::string& path, std::string* text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *text = ss.str();
    return true;
}

// node: StartExecution (main script + its tick queue), SpinEventLoop, EmitProcessExit.
int run_process(NodeProcess& p, const std::string& source) {
    js::Isolate& isolate = p.isolate();
    js::install_builtins(isolate);
    install_process_object(p);
    install_console(p);
    install_timer_globals(p);
    install_abort_globals(p);
    install_worker_globals(p);
    install_web_globals(p);
    install_load_generator(p, p.config().load);

    p.record(EventKind::PhaseEnter, Rule::MainScriptRunsFirst, uint32_t(trace::Phase::Main));
    p.in_main_script = true;
    bool compiled = true;
    js::CompileError syntax_error;
    p.callback_scope([&] {
        NodeProcess::FrameScope frame(p, "runMain", 0, true, Rule::MainScriptRunsFirst);
        compiled = p.modules->run_main(p.main_path, source, &syntax_error);
    });
    p.in_main_script = false;
    if (!compiled) {
        p.write(Stream::Stderr, format_main_syntax_error(p.main_path, syntax_error) + node_banner());
        return 1;
    }
    p.record(EventKind::PhaseLeave, Rule::None, uint32_t(trace::Phase::Main));

    p.loop().spin();

    return emit_process_exit(p);
}

// One line that names the limit and the flag that raises it.
std::string limit_message(NodeProcess& p, std::string message) {
    const Limits& limits = p.config().limits;
    if (p.isolate().interpreter().instructions_executed() >= limits.max_steps) {
        return "step limit of " + std::to_string(limits.max_steps) + " reached (use --max-steps)";
    }
    if (p.isolate().heap().over_limit()) {
        return "heap limit of " + std::to_string(limits.max_heap_bytes >> 20) + " MiB reached (use --max-heap-mb)";
    }
    if (message.rfind("looplab: ", 0) == 0) message.erase(0, 9);
    return message;
}

RunResult run(const RunConfig& config, OutputSink& out, trace::Trace* trace, RecordOptions options) {
    sim::CostModel costs;
    if (!config.cost_model_file.empty()) {
        if (auto error = costs.load_overrides(config.cost_model_file)) {
            out.write(Stream::Stderr, "looplab: " + *error + "\n");
            return RunResult{9};
        }
    }
    const std::string path = absolute_script(config.script_path);
    std::string source;
    if (!read_file(path, &source)) {
        out.write(Stream::Stderr, "looplab: cannot read " + path + "\n");
        return RunResult{1};
    }
    NodeProcess p(config, out, trace);
    p.mutable_costs() = costs;
    p.main_path = path;
    p.main_dir = std::filesystem::path(path).parent_path().string();
    p.modules = std::make_unique<ModuleLoader>(p, p.main_dir);
    std::unique_ptr<TraceObserver> observer;
    if (trace != nullptr) {
        trace->meta().script_path = path;
        trace->meta().node_version = std::string(kNodeVersion);
        trace->meta().cost_model_json = costs.to_json();
        trace->meta().seed = config.seed;
        trace->meta().steps_recorded = options.record_steps;
        trace->add_file(path, source);
        observer = std::make_unique<TraceObserver>(p, *trace);
        if (options.record_steps) p.isolate().interpreter().set_observer(observer.get());
    }

    int code = 0;
    try {
        code = run_process(p, source);
    } catch (const ProcessExit& e) {
        code = e.code;
    } catch (const js::LimitExceeded& e) {
        const std::string message = limit_message(p, e.message);
        p.record(EventKind::Limit, Rule::LimitReached, p.intern(message));
        out.write(Stream::Stderr, "looplab: " + message + "\n");
        code = kExitLimit;
    }
    p.record(EventKind::ProcessExit, Rule::ExitEvent, uint32_t(code));
    p.isolate().interpreter().set_observer(nullptr);
    return RunResult{code};
}

}  // namespace

RunResult run_program(const RunConfig& config, OutputSink& out) { return run(config, out, nullptr, {}); }

RunResult run_program_recorded(const RunConfig& config, OutputSink& out, trace::Trace& trace, RecordOptions options) {
    return run(config, out, &trace, options);
}

}  // namespace looplab::node
