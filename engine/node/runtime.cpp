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
#include "engine/node/trace_observer.h"
#include "engine/node/web_globals.h"
#include "engine/node/uncaught.h"

namespace looplab::node {

// EmitProcessExit: process.emit('exit', process.exitCode ?? 0) through
// ProcessEmit's callback scope. When the listeners return normally, the
// scope's close runs the microtasks they queued (process.nextTick is a no-op
// once process._exiting is set); a throwing listener fails the scope and
// nothing more runs. The listeners and their microtasks may still change
// process.exitCode.
int emit_process_exit(NodeProcess& p) {
    if (!p.exiting) {
        p.exiting = true;
        js::Value code = js::Value::number(p.exit_code_or(0));
        p.record(trace::EventKind::Emit, trace::Rule::ExitEvent, p.intern("exit"));
        bool failed = false;
        try {
            p.emit("exit", std::span<const js::Value>(&code, 1));
        } catch (const js::JsException& e) {
            failed = true;
            p.handle_uncaught(e.value, false);
        }
        if (!failed) p.drain_ticks();
    }
    return p.exit_code_or(0);
}

namespace {

using trace::EventKind;
using trace::Rule;

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
        trace->set_isolate(trace::main_isolate_info(kPid));
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
