// One simulated Node.js process with its main thread: the isolate, the
// virtual clock, the nextTick and microtask queues, timers, immediates, the
// event loop, the `process` object and the trace recorder. Every subsystem
// receives the NodeProcess explicitly; there is no global state.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/node/event_loop.h"
#include "engine/node/microtasks.h"
#include "engine/node/module_loader.h"
#include "engine/node/runtime.h"
#include "engine/node/timers.h"
#include "engine/sim/clock.h"
#include "engine/sim/cost_model.h"
#include "engine/trace/trace.h"

namespace looplab::node {

// The node this engine imitates (the installed v20 when the corpus was
// recorded). Printed in uncaught-error banners and process.version.
inline constexpr std::string_view kNodeVersion = "v20.20.2";
// process.pid: fixed so that warnings print the same text on every run.
inline constexpr int kPid = 4242;
// process.execPath and argv[0], as an install from nodejs.org puts it.
inline constexpr std::string_view kExecPath = "/usr/local/bin/node";
// Exit code of a run that a looplab resource limit ended (not a Node code:
// Node never exits with 120).
inline constexpr int kExitLimit = 120;

// Thrown to unwind every C++ and JS frame when the process ends
// (process.exit(), a fatal uncaught exception). Never catchable by JS.
struct ProcessExit {
    int code = 0;
};

// A callback's name and line as the trace and the UI show it.
struct CallbackLabel {
    std::string name;
    uint32_t line = 0;
};

class NodeProcess final : public js::HostHooks {
public:
    NodeProcess(const RunConfig& config, OutputSink& out, trace::Trace* trace);
    ~NodeProcess() override;
    NodeProcess(const NodeProcess&) = delete;
    NodeProcess& operator=(const NodeProcess&) = delete;

    js::Isolate& isolate() { return *isolate_; }
    const RunConfig& config() const { return config_; }
    const sim::CostModel& costs() const { return costs_; }
    sim::CostModel& mutable_costs() { return costs_; }
    std::string main_path;  // absolute path of the main script
    std::string main_dir;   // its folder: process.cwd() and the require sandbox

    // ---- virtual time ----
    // The precise clock: folds the instructions run since the last call in.
    uint64_t now_ns();
    // Adds host work (a builtin, a callback dispatch) to the clock.
    void charge(uint64_t ns);
    // Blocks (the poll phase): time passes with nothing running.
    void advance_clock_to(uint64_t ns);
    // libuv's cached loop time in ms (uv_now) and uv_update_time.
    uint64_t loop_time_ms() const { return loop_time_ms_; }
    void update_loop_time();
    // Node's getLibuvNow(): updates the loop time and returns it.
    uint64_t libuv_now_ms() {
        update_loop_time();
        return loop_time_ms_;
    }

    // ---- trace ----
    bool tracing() const { return trace_ != nullptr; }
    trace::Trace* trace() { return trace_; }
    void record(trace::EventKind kind, trace::Rule rule, uint32_t a = 0, uint32_t b = 0);
    uint32_t intern(std::string_view text) { return trace_ ? trace_->intern(text) : 0; }
    // A new queue item for `callback` (returns 0 when not tracing).
    uint32_t new_item(trace::QueueKind queue, js::Value callback, uint64_t due_ms = 0,
                      std::string_view fallback_name = {});
    CallbackLabel describe(js::Value callback, std::string_view fallback_name = {});

    // Records a frame push; the guard pops it (also when unwinding).
    class FrameScope {
    public:
        FrameScope(NodeProcess& p, std::string_view name, uint32_t line, bool internal, trace::Rule rule);
        ~FrameScope();
        FrameScope(const FrameScope&) = delete;
        FrameScope& operator=(const FrameScope&) = delete;

    private:
        NodeProcess& process_;
    };

    // Calls a JS callback on behalf of Node (charges the dispatch cost and
    // records its frame). Exceptions propagate as js::JsException.
    js::Value call_callback(js::Value fn, js::Value this_value, std::span<const js::Value> args,
                            trace::Rule rule, std::string_view fallback_name = {});

    // ---- output ----
    void write(Stream stream, std::string_view bytes);

    // ---- HostHooks ----
    void enqueue_promise_job(js::Isolate& isolate, js::PromiseJob job) override;
    void promise_rejection_tracker(js::Isolate& isolate, js::JsObject* promise,
                                   js::RejectionOperation operation) override;
    double now_ms(js::Isolate& isolate) override;

    // ---- the runtime's parts ----
    TaskQueues& tasks() { return *tasks_; }
    Timers& timers() { return *timers_; }
    Immediates& immediates() { return *immediates_; }
    EventLoop& loop() { return *loop_; }

    // ---- the `process` object ----
    js::JsObject* process_object = nullptr;
    js::JsObject* event_emitter_proto = nullptr;
    js::JsObject* abort_controller_proto = nullptr;  // timers_abort.cpp
    js::JsObject* abort_signal_proto = nullptr;
    // process.emit(name, ...args); returns whether there were listeners.
    bool emit(std::string_view event, std::span<const js::Value> args);
    size_t listener_count(std::string_view event);
    // process.exitCode as Node reads it at exit (undefined -> fallback).
    int exit_code_or(int fallback);
    void set_exit_code(int code);
    // process.emitWarning(message, type, code) as Node prints it.
    void emit_warning(std::string message, std::string type = "Warning", std::string code = {});
    bool exiting = false;         // process._exiting
    bool warned_once = false;     // "(Use `node --trace-warnings ...`" printed
    uint64_t next_async_id = 2;   // async ids of timers, immediates and ticks
    bool in_main_script = false;
    std::shared_ptr<void> console_state;
    // The I/O modules' per-process state (module_fs.cpp: the file sandbox;
    // module_net.cpp: the simulated network), created at first use.
    std::shared_ptr<void> fs_state;
    std::shared_ptr<void> net_state;
    // Sources of the files the module loader compiled (uncaught-error arrows).
    std::map<std::string, std::string> sources;
    const std::string* source_of(const std::string& path) const {
        auto it = sources.find(path);
        return it == sources.end() ? nullptr : &it->second;
    }
    // Errors whose arrow is not their throw position (a SyntaxError raised
    // by require points at the bad token). Look-up only.
    struct ErrorDecoration {
        std::string arrow;
        std::string stack_suffix;
    };
    std::unordered_map<js::JsObject*, ErrorDecoration> error_arrows;
    std::unique_ptr<ModuleLoader> modules;  // created by the runtime once main_dir is known  // console.cpp's counters, timers, group indent

    // Handles an exception that reached a callback boundary: runs the
    // 'uncaughtException' listeners or prints it and throws ProcessExit.
    void handle_uncaught(js::Value error, bool from_promise);
    // Runs `body` as Node's InternalCallbackScope does: exceptions become
    // uncaught exceptions and the nextTick/microtask queues are drained on
    // the way out.
    template <typename F>
    void callback_scope(F&& body) {
        try {
            body();
        } catch (const js::JsException& e) {
            handle_uncaught(e.value, false);
        }
        drain_ticks();
    }
    // InternalCallbackScope::Close: runNextTicks(), exceptions handled.
    void drain_ticks();

private:
    void trace_roots(js::Tracer& tracer);

    RunConfig config_;
    OutputSink& out_;
    trace::Trace* trace_;
    sim::CostModel costs_;
    sim::VirtualClock clock_;
    uint64_t instructions_mark_ = 0;
    uint64_t loop_time_ms_ = 0;
    std::unique_ptr<js::Isolate> isolate_;
    std::unique_ptr<TaskQueues> tasks_;
    std::unique_ptr<Timers> timers_;
    std::unique_ptr<Immediates> immediates_;
    std::unique_ptr<EventLoop> loop_;
    size_t root_handle_ = 0;
};

// Helpers for natives: the NodeProcess behind an isolate.
inline NodeProcess& process_of(js::Isolate& isolate) { return *static_cast<NodeProcess*>(isolate.host_data); }

// Installs `process` and its EventEmitter plumbing on the global object.
void install_process_object(NodeProcess& p);
// Installs `console`.
void install_console(NodeProcess& p);
// Installs setTimeout & co., queueMicrotask, performance.
void install_timer_globals(NodeProcess& p);

}  // namespace looplab::node
