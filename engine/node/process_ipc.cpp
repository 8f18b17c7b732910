// Forked child processes on host threads and their IPC channels. See
// process_ipc.h and docs/parallelism.md.
#include "engine/node/process_ipc.h"

#include <filesystem>

#include "engine/js/builtins.h"
#include "engine/js/operations.h"
#include "engine/js/vm.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/process_run.h"
#include "engine/node/timers_abort.h"
#include "engine/node/uncaught.h"
#include "engine/node/worker.h"

namespace looplab::node {

using namespace js;
using trace::EventKind;
using trace::Rule;

namespace {

// The world's root process (the program looplab was asked to run): every
// process's stdout and stderr end up on its console.
constexpr uint32_t kRootIsolate = 0;

// A signal delivered in the poll phase (child.kill()): unwinds the child
// like ProcessExit, but the parent sees (null, signal) instead of a code.
struct ProcessKilled {
    std::string signal;
};

// A child's stdout/stderr. Inherited (fork's default): its bytes reach the
// run's console, carried to the root process in virtual-time order. Piped
// (spawn's default): the first write of a turn reaches the parent at once,
// and the writes after it collect in the pipe until the child's loop next
// reaches poll (or the pipe's buffer fills, or the child ends), then go as
// one chunk: the parent wakes on the first bytes, and its next read takes
// whatever the child wrote meanwhile.
class ChildSink final : public OutputSink {
public:
    void write(Stream stream, std::string_view bytes) override {
        if (link == nullptr) return;
        const bool is_stdout = stream == Stream::Stdout;
        const ChildStdio mode = is_stdout ? stdout_mode : stderr_mode;
        if (mode == ChildStdio::Ignore) return;
        if (mode == ChildStdio::Inherit) {
            auto text = std::make_shared<const std::string>(bytes);
            link->send(kRootIsolate, is_stdout ? LinkMessage::Stdout : LinkMessage::Stderr, link->id, text,
                       bytes.size());
            return;
        }
        std::string& pipe = is_stdout ? piped_stdout_ : piped_stderr_;
        bool& woke = is_stdout ? stdout_woke_reader_ : stderr_woke_reader_;
        pipe += bytes;
        // The first write since the parent's last read wakes it at once; the
        // writes that follow in the same turn wait for its next read.
        if (!woke || pipe.size() >= kPipeBufferBytes) {
            woke = true;
            send_piped(is_stdout ? IpcKind::Stdout : IpcKind::Stderr, pipe);
        }
    }
    // The child's loop reached poll: the parent has read the pipes since.
    void flush() {
        send_piped(IpcKind::Stdout, piped_stdout_);
        send_piped(IpcKind::Stderr, piped_stderr_);
        stdout_woke_reader_ = stderr_woke_reader_ = false;
    }
    // After the last flush: the parent's reads see EOF on every pipe.
    void close_pipes() {
        flush();
        if (stdout_mode == ChildStdio::Pipe || stderr_mode == ChildStdio::Pipe) {
            ipc_post(*process, link->parent, IpcKind::StdioEnd, nullptr, 0);
        }
    }
    IsolateLink* link = nullptr;
    NodeProcess* process = nullptr;
    ChildStdio stdout_mode = ChildStdio::Inherit;
    ChildStdio stderr_mode = ChildStdio::Inherit;

private:
    static constexpr size_t kPipeBufferBytes = 64 * 1024;  // Linux's default pipe capacity
    void send_piped(IpcKind kind, std::string& pipe) {
        if (pipe.empty() || process == nullptr) return;
        const size_t bytes = pipe.size();
        ipc_post(*process, link->parent, kind, std::make_shared<const std::string>(std::move(pipe)), bytes);
        pipe.clear();
    }
    std::string piped_stdout_;
    std::string piped_stderr_;
    bool stdout_woke_reader_ = false;
    bool stderr_woke_reader_ = false;
};

// Flushes a child's pipes each time its loop enters poll (catch_up runs
// there before the clock moves). Never keeps the loop alive.
class PipeFlusher final : public IoSource {
public:
    explicit PipeFlusher(ChildSink& sink) : sink_(sink) {}
    bool active() const override { return false; }
    std::optional<uint64_t> next_ready_ns() const override { return std::nullopt; }
    void catch_up(uint64_t) override { sink_.flush(); }
    void deliver(uint64_t) override {}

private:
    ChildSink& sink_;
};

struct ChildStart {
    std::shared_ptr<WorldShared> shared;
    uint32_t id = 0;
    uint32_t parent = 0;
    uint64_t start_ns = 0;
    int pid = 0;
    int ppid = 0;
    sim::CostModel costs;
    ForkSpec spec;
};

// ---------------------------------------------------------------- the child's process object

// process.send / process.connected / process.disconnect / 'message' in a
// forked child (Node's setupChannel). The channel keeps the loop alive while
// connected and someone listens for 'message' or 'disconnect'.
constexpr std::string_view kChildChannelSource = R"JS(
'use strict';
const kMessage = 100, kInternal = 101, kDisconnect = 102;
process.pid = binding.pid;
process.ppid = binding.ppid;
for (const key of Object.keys(process.env)) delete process.env[key];
for (const [key, value] of binding.env) process.env[key] = value;
if (!binding.ipc) return;
process.connected = true;
let refed = false, unrefed = false;
const wanted = () => process.connected && !unrefed &&
  (process.listenerCount('message') > 0 || process.listenerCount('disconnect') > 0);
const sync = () => {
  const want = wanted();
  if (want !== refed) { refed = want; binding.ref(want ? 1 : -1); }
};
// 'newListener' fires before the listener is added, 'removeListener' after.
process.on('newListener', (name) => {
  if ((name === 'message' || name === 'disconnect') && !refed && process.connected && !unrefed) {
    refed = true; binding.ref(1);
  }
});
process.on('removeListener', (name) => { if (name === 'message' || name === 'disconnect') sync(); });
process.channel = {
  ref() { unrefed = false; sync(); },
  unref() { unrefed = true; sync(); },
};
process.send = function send(message, handle, options, callback) {
  return ipcSend(process, -1, binding.advanced, message, handle, options, callback);
};
process.disconnect = function disconnect() {
  if (!process.connected) {
    process.emit('error', binding.nodeError('Error', 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
    return;
  }
  binding.disconnect(-1);
  closeChannel();
};
process._sendInternal = (message) => binding.post(-1, message, true, true);
function closeChannel() {
  process.connected = false;
  sync();
  process.nextTick(() => process.emit('disconnect'));
}
Object.defineProperty(globalThis, '__looplabParentChannel', {
  enumerable: false, configurable: true, writable: true,
  value: function onparentmessage(kind, value, json) {
    if (kind === kMessage) { if (process.connected) process.emit('message', json ? JSON.parse(value) : value); }
    else if (kind === kInternal) process.emit('internalMessage', value);
    else if (kind === kDisconnect) { if (process.connected) closeChannel(); }
  },
});
)JS";

}  // namespace

// Shared by both ends (the child_process module prepends it to its source):
// Node's target.send argument handling and errors.
const std::string_view kIpcSendSource = R"JS(
function ipcSend(target, to, advanced, message, handle, options, callback) {
  if (typeof handle === 'function') { callback = handle; handle = undefined; options = undefined; }
  else if (typeof options === 'function') { callback = options; options = undefined; }
  if (message === undefined) {
    throw binding.nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
  }
  const type = typeof message;
  if (message !== null && type !== 'object' && type !== 'string' && type !== 'number' && type !== 'boolean') {
    throw binding.invalidArgType('message', 'one of type string, object, number, or boolean', message);
  }
  if (!target.connected) {
    const ex = binding.nodeError('Error', 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
    if (typeof callback === 'function') process.nextTick(callback, ex);
    else process.nextTick(() => target.emit('error', ex));
    return false;
  }
  binding.post(to, advanced ? message : JSON.stringify(message), advanced, false);
  if (typeof callback === 'function') process.nextTick(callback, null);
  return true;
}
)JS";

namespace {

// ---------------------------------------------------------------- natives shared by both ends

uint32_t target_of(Isolate& isolate, Value to) {
    const double n = to_number(isolate, to);
    return n < 0 ? isolate_link(process_of(isolate)).parent : uint32_t(n);
}

// binding.post(to | -1 for the parent, value, advanced, internal)
Value ipc_post_native(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    auto payload = std::make_shared<IpcPayload>();
    payload->json = !to_boolean(call.arg(2));
    payload->value = serialize_value(isolate, call.arg(1));
    const size_t bytes = clone_size(payload->value);
    const IpcKind kind = to_boolean(call.arg(3)) ? IpcKind::Internal : IpcKind::Message;
    ipc_post(p, target_of(isolate, call.arg(0)), kind, payload, bytes);
    return Value::undefined();
}

Value ipc_disconnect_native(Isolate& isolate, const CallArgs& call) {
    ipc_post(process_of(isolate), target_of(isolate, call.arg(0)), IpcKind::Disconnect, nullptr, 0);
    return Value::undefined();
}

// binding.kill(to, signal): a signal interrupts the child at its next
// statement barrier or poll phase.
Value ipc_kill_native(Isolate& isolate, const CallArgs& call) {
    auto signal = std::make_shared<const std::string>(to_string(isolate, call.arg(1)));
    ipc_post(process_of(isolate), target_of(isolate, call.arg(0)), IpcKind::Kill, signal, 0, true);
    return Value::undefined();
}

Value ipc_ref_native(Isolate& isolate, const CallArgs& call) {
    isolate_link(process_of(isolate)).refs += int(to_number(isolate, call.arg(0)));
    return Value::undefined();
}

ErrorType error_type_named(std::string_view name) {
    if (name == "TypeError") return ErrorType::TypeError;
    if (name == "RangeError") return ErrorType::RangeError;
    return ErrorType::Error;
}

Value ipc_node_error_native(Isolate& isolate, const CallArgs& call) {
    return module_support::make_node_error(isolate, error_type_named(to_string(isolate, call.arg(0))),
                                           to_string(isolate, call.arg(1)), to_string(isolate, call.arg(2)));
}

// binding.invalidArgType(name, expected, actual): Node's ERR_INVALID_ARG_TYPE.
Value ipc_invalid_arg_type_native(Isolate& isolate, const CallArgs& call) {
    const std::string message = "The \"" + to_string(isolate, call.arg(0)) + "\" argument must be " +
                                to_string(isolate, call.arg(1)) + ". Received " +
                                module_support::received_text(isolate, call.arg(2));
    return module_support::make_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE", message);
}

void set_value(Isolate& isolate, JsObject* target, std::string_view name, Value value) {
    create_data_property(isolate, target, isolate.intern(name), value);
}

// ---------------------------------------------------------------- the child process

void install_child_channel(NodeProcess& p, const ChildStart& start) {
    Isolate& isolate = p.isolate();
    JsObject* binding = new_ipc_binding(isolate);
    set_value(isolate, binding, "pid", Value::number(start.pid));
    set_value(isolate, binding, "ppid", Value::number(start.ppid));
    set_value(isolate, binding, "advanced", Value::boolean(start.spec.advanced));
    set_value(isolate, binding, "ipc", Value::boolean(start.spec.ipc));
    std::vector<Value> env;
    for (const auto& [key, value] : start.spec.env) {
        const Value pair[] = {isolate.new_string(key), isolate.new_string(value)};
        env.push_back(Value::object(isolate.new_array_from(pair)));
    }
    set_value(isolate, binding, "env", Value::object(isolate.new_array_from(env)));
    const std::string params[] = {"binding"};
    const std::string source = std::string(kIpcSendSource) + std::string(kChildChannelSource);
    const Value args[] = {Value::object(binding)};
    module_support::run_embedded_source(isolate, "node:internal/child_process", source, params, args);
}

// What node prints when the module to fork does not exist.
std::string module_not_found_text(const std::string& path) {
    return "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\nError: Cannot find module '" + path +
           "'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n" +
           "    at Module._load (node:internal/modules/cjs/loader:1038:27)\n" +
           "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n" +
           "    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n" +
           node_banner();
}

// The child's StartExecution -> SpinEventLoop -> EmitProcessExit, as
// runtime.cpp's run_process does for the root.
int run_child_main(NodeProcess& p, const ChildStart& start, bool found) {
    js::install_builtins(p.isolate());
    install_process_object(p);
    install_console(p);
    install_timer_globals(p);
    install_abort_globals(p);
    install_child_channel(p, start);
    // Node sets a cluster worker up before its main script runs ('online').
    for (const auto& entry : start.spec.env) {
        if (entry.first == "NODE_UNIQUE_ID") p.modules->require(nullptr, "cluster");
    }
    if (!found) {
        p.write(Stream::Stderr, module_not_found_text(start.spec.filename));
        return 1;
    }
    p.record(EventKind::PhaseEnter, Rule::MainScriptRunsFirst, uint32_t(trace::Phase::Main));
    p.in_main_script = true;
    js::CompileError syntax_error;
    bool compiled = true;
    p.callback_scope([&] {
        NodeProcess::FrameScope frame(p, "runMain", 0, true, Rule::MainScriptRunsFirst);
        compiled = p.modules->run_main(start.spec.filename, start.spec.source, &syntax_error);
    });
    p.in_main_script = false;
    if (!compiled) {
        p.write(Stream::Stderr, format_main_syntax_error(start.spec.filename, syntax_error) + node_banner());
        return 1;
    }
    p.record(EventKind::PhaseLeave, Rule::None, uint32_t(trace::Phase::Main));
    p.loop().spin();
    return emit_process_exit(p);
}

// A signal observed at a statement barrier unwound the child as ProcessExit:
// find it among the messages that arrived by now (now is safe there).
std::string signal_received(sim::World& world, uint32_t id, uint64_t now) {
    world.barrier(id, now);
    if (world.earliest_interrupt(id) > now) return {};
    for (const sim::Message& m : world.take_arrived(id, now)) {
        if (m.kind == uint32_t(IpcKind::Kill)) return *static_cast<const std::string*>(m.payload.get());
    }
    return {};
}

bool channel_connected(NodeProcess& p) {
    if (p.process_object == nullptr) return false;
    return to_boolean(get(p.isolate(), Value::object(p.process_object), "connected"));
}

// Runs the child's program and tells the parent how it ended.
ExitPayload run_child_process(NodeProcess& p, IsolateLink& link, ChildSink& sink, const ChildStart& start,
                              bool found) {
    ExitPayload exit;
    try {
        exit.code = run_child_main(p, start, found);
    } catch (const ProcessExit& e) {
        exit.code = e.code;
        exit.signal = signal_received(*start.shared->world, start.id, p.now_ns());
    } catch (const ProcessKilled& k) {
        exit.signal = k.signal;
    } catch (const LimitExceeded& e) {
        std::string message = e.message;
        if (message.rfind("looplab: ", 0) == 0) message.erase(0, 9);
        p.write(Stream::Stderr, "looplab: " + message + "\n");
        exit.code = kExitLimit;
    }
    p.record(EventKind::ProcessExit, Rule::ExitEvent, uint32_t(exit.code));
    sink.close_pipes();
    // The parent sees the pipes' EOF and the channel close before the exit, as node's pipe EOF
    // reaches it before SIGCHLD.
    if (channel_connected(p)) ipc_post(p, link.parent, IpcKind::Disconnect, nullptr, 0);
    ipc_post(p, link.parent, IpcKind::Exit, std::make_shared<const ExitPayload>(exit), 0);
    return exit;
}

void run_child_thread(ChildStart start) {
    std::shared_ptr<WorldShared> shared = start.shared;
    std::unique_ptr<trace::Trace> trace;
    if (shared->tracing) trace = std::make_unique<trace::Trace>();
    RunConfig config = shared->config;
    config.script_path = start.spec.filename;
    config.args = start.spec.args;
    ChildSink sink;
    sink.stdout_mode = start.spec.stdout_mode;
    sink.stderr_mode = start.spec.stderr_mode;
    uint64_t end_ns = start.start_ns;
    const bool found = !start.spec.source.empty() || std::filesystem::exists(start.spec.filename);
    {
        NodeProcess p(config, sink, trace.get());
        p.mutable_costs() = start.costs;
        p.isolate().id = start.id;
        p.advance_clock_to(start.start_ns);
        p.update_loop_time();
        p.main_path = start.spec.filename;
        p.main_dir = std::filesystem::path(start.spec.filename).parent_path().string();
        p.modules = std::make_unique<ModuleLoader>(p, p.main_dir);
        auto owned = std::make_unique<IsolateLink>(p, shared, start.id, start.parent, false);
        IsolateLink* link = owned.get();
        link->main_thread_of_process = true;
        p.loop().add_io_source(std::make_unique<PipeFlusher>(sink));
        p.loop().add_io_source(std::move(owned));
        sink.link = link;
        sink.process = &p;
        if (trace) trace->add_file(start.spec.filename, start.spec.source);
        std::shared_ptr<void> observers = observe_isolate(p, *link, trace.get());
        run_child_process(p, *link, sink, start, found);
        p.isolate().interpreter().set_observer(nullptr);
        end_ns = p.now_ns();
        sink.link = nullptr;
        sink.process = nullptr;
    }
    shared->world->finish(start.id, end_ns);
    if (trace) {
        std::lock_guard lock(shared->traces_mutex);
        shared->worker_traces.emplace_back(start.id, std::move(trace));
    }
}

// The isolate table's entry of a forked child: a cluster worker (its
// environment carries NODE_UNIQUE_ID, cluster's worker id) or a child process.
trace::IsolateInfo forked_isolate_info(const ChildStart& start) {
    trace::IsolateInfo info{uint16_t(start.id), start.pid, uint16_t(start.parent), trace::IsolateKind::ChildProcess,
                            "child " + std::to_string(start.pid), start.start_ns};
    for (const auto& [key, value] : start.spec.env) {
        if (key != "NODE_UNIQUE_ID") continue;
        info.kind = trace::IsolateKind::ClusterWorker;
        info.name = "cluster worker " + value;
    }
    return info;
}

// Hands a message from the parent to the child's process object.
void dispatch_from_parent(NodeProcess& p, IpcKind kind, Value value, bool json) {
    Isolate& isolate = p.isolate();
    Value handler = get(isolate, Value::object(isolate.realm().global), "__looplabParentChannel");
    if (!is_callable(handler)) return;
    const Value args[] = {Value::number(double(kind)), value, Value::boolean(json)};
    p.call_callback(handler, Value::undefined(), args, Rule::None, "onparentmessage");
}

// Hands a message from child `from` to its ChildProcess object.
void dispatch_from_child(NodeProcess& p, IpcKind kind, uint32_t from, Value value, bool json, Value signal) {
    Isolate& isolate = p.isolate();
    Value handler = get(isolate, Value::object(isolate.realm().global), "__looplabChildChannel");
    if (!is_callable(handler)) return;
    const Value args[] = {Value::number(double(kind)), Value::number(from), value, Value::boolean(json), signal};
    p.call_callback(handler, Value::undefined(), args, Rule::None, "onchildmessage");
}

std::string_view event_name(IpcKind kind) {
    switch (kind) {
        case IpcKind::Message: return "ipc message";
        case IpcKind::Internal: return "ipc internal message";
        case IpcKind::Disconnect: return "ipc disconnect";
        case IpcKind::Exit: return "child exit";
        case IpcKind::Kill: return "signal";
        case IpcKind::Stdout: return "child stdout";
        case IpcKind::Stderr: return "child stderr";
        case IpcKind::StdioEnd: return "child stdio end";
    }
    return "ipc";
}

}  // namespace

// ---------------------------------------------------------------- public entry points

JsObject* new_ipc_binding(Isolate& isolate) {
    JsObject* binding = isolate.new_object();
    isolate.define_method(binding, "post", ipc_post_native, 4);
    isolate.define_method(binding, "disconnect", ipc_disconnect_native, 1);
    isolate.define_method(binding, "kill", ipc_kill_native, 2);
    isolate.define_method(binding, "ref", ipc_ref_native, 1);
    isolate.define_method(binding, "nodeError", ipc_node_error_native, 3);
    isolate.define_method(binding, "invalidArgType", ipc_invalid_arg_type_native, 3);
    return binding;
}

ForkedChild fork_process(NodeProcess& parent, ForkSpec spec) {
    IsolateLink& link = isolate_link(parent);
    sim::World& world = *link.shared->world;
    const uint64_t start_ns = parent.now_ns() + parent.costs().fork_ns;
    std::optional<uint32_t> id = world.add_isolate(start_ns);
    if (!id) {
        throw LimitExceeded{"looplab: process and isolate limit of " + std::to_string(world.config().max_isolates) +
                            " reached (a fork loop?)"};
    }
    ChildStart start;
    start.shared = link.shared;
    start.id = *id;
    start.parent = link.id;
    start.start_ns = start_ns;
    start.pid = kRootPid + int(world.new_process_number());
    start.ppid = parent.process_object != nullptr
                     ? int(to_number(parent.isolate(), get(parent.isolate(), Value::object(parent.process_object), "pid")))
                     : kRootPid;
    start.costs = parent.costs();
    start.spec = std::move(spec);
    record_isolate(*link.shared, forked_isolate_info(start));
    const ForkedChild child{*id, start.pid};
    world.start_thread(*id, [start = std::move(start)]() mutable { run_child_thread(std::move(start)); });
    return child;
}

// The trace's message event (worker.h) for an IPC message.
static void record_ipc_message(NodeProcess& p, EventKind kind, uint32_t peer, const IpcPayload& payload) {
    const size_t bytes = clone_size(payload.value);
    if (payload.json) return record_message(p, kind, peer, trace::MessageRoute::Ipc, trace::MessagePayload::Json, bytes);
    record_message(p, kind, peer, trace::MessageRoute::Ipc, payload.value, bytes);
}

void ipc_post(NodeProcess& from, uint32_t to, IpcKind kind, std::shared_ptr<const void> payload, size_t bytes,
              bool interrupt) {
    IsolateLink& link = isolate_link(from);
    const sim::CostModel& costs = from.costs();
    // Serializing is the sender's work; the pipe and the decode are latency.
    from.charge(bytes * costs.ipc_byte_ns);
    sim::Message m;
    m.sent_ns = from.now_ns();
    m.arrival_ns = m.sent_ns + costs.ipc_hop_ns + bytes * costs.ipc_byte_ns;
    m.sender = link.id;
    m.receiver = to;
    m.kind = uint32_t(kind);
    m.channel = link.id;
    m.interrupt = interrupt;
    m.payload = std::move(payload);
    if (kind == IpcKind::Message || kind == IpcKind::Internal) {
        record_ipc_message(from, EventKind::MessagePost, to, *static_cast<const IpcPayload*>(m.payload.get()));
    } else {
        from.record(EventKind::Emit, Rule::None, from.intern(std::string("send ") + std::string(event_name(kind))));
    }
    if (!link.shared->world->post(std::move(m))) throw LimitExceeded{"looplab: too many messages in flight"};
}

void dispatch_process_message(NodeProcess& p, const sim::Message& m) {
    const auto kind = IpcKind(m.kind);
    if (kind == IpcKind::Kill) throw ProcessKilled{*static_cast<const std::string*>(m.payload.get())};
    IsolateLink& link = isolate_link(p);
    if (kind == IpcKind::Message || kind == IpcKind::Internal) {
        record_ipc_message(p, EventKind::MessageDeliver, m.sender, *static_cast<const IpcPayload*>(m.payload.get()));
    } else {
        p.record(EventKind::Emit, Rule::None, p.intern(event_name(kind)));
    }
    p.callback_scope([&] {
        Isolate& isolate = p.isolate();
        Value value = Value::undefined();
        Value signal = Value::null();
        bool json = false;
        if (kind == IpcKind::Message || kind == IpcKind::Internal) {
            const auto& payload = *static_cast<const IpcPayload*>(m.payload.get());
            value = deserialize_value(isolate, payload.value);
            json = payload.json;
        } else if (kind == IpcKind::Stdout || kind == IpcKind::Stderr) {
            value = isolate.new_string(*static_cast<const std::string*>(m.payload.get()));
        } else if (kind == IpcKind::Exit) {
            const auto& exit = *static_cast<const ExitPayload*>(m.payload.get());
            value = Value::number(exit.code);
            if (!exit.signal.empty()) signal = isolate.new_string(exit.signal);
        }
        if (link.main_thread_of_process && m.sender == link.parent) {
            dispatch_from_parent(p, kind, value, json);
        } else {
            dispatch_from_child(p, kind, m.sender, value, json, signal);
        }
    });
}

}  // namespace looplab::node
