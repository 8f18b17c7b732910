// Worker isolates on host threads, their links to the world, and the trace
// merge. See worker.h and docs/parallelism.md.
#include "engine/node/worker.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <thread>

#include "engine/js/builtins.h"
#include "engine/js/operations.h"
#include "engine/js/vm.h"
#include "engine/node/message_port.h"
#include "engine/node/module_net.h"
#include "engine/node/process.h"
#include "engine/node/process_ipc.h"
#include "engine/node/process_run.h"
#include "engine/node/threadpool.h"
#include "engine/node/timers_abort.h"
#include "engine/node/trace_observer.h"
#include "engine/node/web_globals.h"

namespace looplab::node {

using trace::EventKind;
using trace::Rule;

// Every kBarrierStatements statements: publish the clock, wait at the window
// edge, and honour worker.terminate(). Forwards to the observer that was
// installed before (the runtime's trace recorder).
class BarrierObserver final : public js::VmObserver {
public:
    BarrierObserver(IsolateLink& link, js::VmObserver* next) : link_(link), next_(next) {}
    void on_statement(uint32_t script_id, uint32_t line, uint32_t column) override {
        if (next_) next_->on_statement(script_id, line, column);
        if (++count_ % kBarrierStatements == 0) link_.on_barrier();
    }
    void on_call_enter(js::JsFunction* fn, bool native) override {
        if (next_) next_->on_call_enter(fn, native);
    }
    void on_call_exit(js::JsFunction* fn, bool native) override {
        if (next_) next_->on_call_exit(fn, native);
    }

private:
    IsolateLink& link_;
    js::VmObserver* next_;
    uint64_t count_ = 0;
};

namespace {

// A worker's stdout/stderr: Node pipes them through the parent thread,
// whose loop writes them (so they appear when the parent's poll runs).
class WorkerSink final : public OutputSink {
public:
    void write(Stream stream, std::string_view bytes) override {
        if (link == nullptr) return;
        auto text = std::make_shared<const std::string>(bytes);
        link->send(link->parent, stream == Stream::Stdout ? LinkMessage::Stdout : LinkMessage::Stderr, link->id, text,
                   bytes.size());
    }
    IsolateLink* link = nullptr;
};

uint64_t start_of_world(NodeProcess& p) { return p.now_ns(); }

// The worker's StartExecution -> SpinEventLoop -> exit, as runtime.cpp's
// run_process does for the main thread.
int run_worker_process(NodeProcess& p, const WorkerSpec& spec) {
    js::install_builtins(p.isolate());
    install_process_object(p);
    install_console(p);
    install_timer_globals(p);
    install_abort_globals(p);
    install_worker_globals(p);
    install_web_globals(p);
    // Node's worker bootstrap loads worker_threads first: its parentPort and
    // its uncaught-exception reporting exist even if the script never asks.
    p.modules->require(nullptr, "worker_threads");
    p.record(EventKind::PhaseEnter, Rule::MainScriptRunsFirst, uint32_t(trace::Phase::Main));
    js::CompileError syntax_error;
    bool compiled = true;
    p.callback_scope([&] {
        NodeProcess::FrameScope frame(p, "runWorker", 0, true, Rule::MainScriptRunsFirst);
        compiled = p.modules->run_main(spec.filename, spec.source, &syntax_error);
    });
    if (!compiled) {
        p.write(Stream::Stderr, spec.filename + ":" + std::to_string(syntax_error.line) + "\n" + syntax_error.name +
                                    ": " + syntax_error.message + "\n");
        return 1;
    }
    p.record(EventKind::PhaseLeave, Rule::None, uint32_t(trace::Phase::Main));
    p.loop().spin();
    return emit_process_exit(p);
}

void run_worker_thread(std::shared_ptr<WorldShared> shared, uint32_t id, uint32_t parent, uint64_t start_ns,
                       WorkerSpec spec) {
    std::unique_ptr<trace::Trace> trace;
    if (shared->tracing) trace = std::make_unique<trace::Trace>();
    RunConfig config = shared->config;
    config.script_path = spec.filename;
    config.args = spec.argv;
    WorkerSink sink;
    int code = 0;
    uint64_t end_ns = start_ns;
    {
        NodeProcess p(config, sink, trace.get());
        p.mutable_costs() = shared->costs;
        p.isolate().id = id;
        p.isolate().shared_memory = &world_shared_memory();
        p.advance_clock_to(start_ns);
        p.update_loop_time();
        p.main_path = spec.filename;
        p.main_dir = spec.dir;
        p.modules = std::make_unique<ModuleLoader>(p, p.main_dir);
        auto owned = std::make_unique<IsolateLink>(p, shared, id, parent, false);
        IsolateLink* link = owned.get();
        link->worker_data = std::move(spec.worker_data);
        p.loop().add_io_source(std::move(owned));
        sink.link = link;
        std::unique_ptr<TraceObserver> tracer;
        if (trace) {
            trace->add_file(spec.filename, spec.source);
            tracer = std::make_unique<TraceObserver>(p, *trace);
        }
        BarrierObserver observer(*link, tracer.get());
        p.isolate().interpreter().set_observer(&observer);
        link->send(parent, LinkMessage::Online, id, nullptr, 0);
        try {
            code = run_worker_process(p, spec);
        } catch (const ProcessExit& e) {
            code = e.code;
        } catch (const js::LimitExceeded& e) {
            p.write(Stream::Stderr, "looplab: " + e.message + "\n");
            code = kExitLimit;
        }
        p.record(EventKind::ProcessExit, Rule::ExitEvent, uint32_t(code));
        p.isolate().interpreter().set_observer(nullptr);
        auto exit_code = std::make_shared<const int>(code);
        link->send(parent, LinkMessage::Exit, id, exit_code, 0);
        end_ns = p.now_ns();
        sink.link = nullptr;
    }
    shared->world->finish(id, end_ns);
    if (trace) {
        std::lock_guard lock(shared->traces_mutex);
        shared->worker_traces.emplace_back(id, std::move(trace));
    }
}

}  // namespace

IsolateLink::IsolateLink(NodeProcess& p, std::shared_ptr<WorldShared> s, uint32_t id_, uint32_t parent_, bool main)
    : process(p), shared(std::move(s)), id(id_), parent(parent_), is_main(main) {
    if (is_main) {
        main_trace_ = p.trace();
        observer_ = std::make_unique<BarrierObserver>(*this, p.isolate().interpreter().observer());
        p.isolate().interpreter().set_observer(observer_.get());
    }
}

IsolateLink::~IsolateLink() {
    if (!is_main) return;
    // The main thread ended (its loop died or process.exit()): workers still
    // running are terminated, as Node does when the process exits.
    const uint64_t now = process.now_ns();
    world().shutdown(now);
    world().finish(id, now);
    world().release_current_thread(id);
    world().join_all();
    if (main_trace_ == nullptr) return;
    for (const trace::IsolateInfo& info : shared->isolate_table) main_trace_->set_isolate(info);
    merge_traces(*main_trace_, shared->worker_traces);
}

bool IsolateLink::active() const {
    if (refs > 0) return true;
    const PortHub* hub = process.loop().find_io_source<PortHub>();
    return hub != nullptr && hub->refed_count() > 0;
}

// The owner table is shared by every isolate: it is read and written in
// turn (World::take_turn, as Atomics are), so an isolate ahead in virtual
// time sees a transfer made earlier in virtual time by a slower one,
// whatever the host threads do.
uint32_t port_owner(IsolateLink& link, uint32_t port) {
    link.shared->world->take_turn(link.id, link.process.now_ns());
    std::lock_guard lock(link.shared->ports_mutex);
    auto it = link.shared->port_owners.find(port);
    return it != link.shared->port_owners.end() ? it->second : port >> 20;
}

void set_port_owner(IsolateLink& link, uint32_t port, uint32_t isolate) {
    link.shared->world->take_turn(link.id, link.process.now_ns());
    std::lock_guard lock(link.shared->ports_mutex);
    link.shared->port_owners[port] = isolate;
}

namespace {

// When the loop's other sources (a pool job, a DNS answer, a port message)
// can run a callback: the isolate must not promise the world silence past it.
uint64_t other_sources_ready(NodeProcess& p) {
    uint64_t first = sim::kNever;
    const IoSource* sources[] = {p.loop().find_io_source<ThreadPool>(), p.loop().find_io_source<NetIo>(),
                                 p.loop().find_io_source<PortHub>()};
    for (const IoSource* source : sources) {
        if (source == nullptr) continue;
        if (std::optional<uint64_t> t = source->next_ready_ns()) first = std::min(first, *t);
    }
    return first;
}

}  // namespace

std::optional<uint64_t> IsolateLink::next_ready_ns() const {
    const uint64_t now = process.now_ns();
    if (!is_main && shared->world->shutdown_at() <= now) throw ProcessExit{1};
    uint64_t horizon = sim::kNever;
    if (process.immediates().idle_active()) {
        horizon = now;
    } else if (process.timers().handle_active()) {
        const uint64_t loop_ms = process.loop_time_ms();
        const uint64_t due = process.timers().handle_due_ms();
        horizon = now + (due > loop_ms ? (due - loop_ms) * sim::kNsPerMs : 0);
    }
    horizon = std::min(horizon, other_sources_ready(process));
    // Nothing referenced waits on messages: never block the loop for them
    // (deliver() still hands over whatever arrived). But a worker or child
    // whose loop waits anyway (a timer, a pool job) still wakes for an
    // interrupt (terminate(), kill()) when it arrives.
    if (!active() && (is_main || horizon == sim::kNever)) return std::nullopt;
    std::optional<uint64_t> next = shared->world->next_arrival(id, now, horizon);
    if (next) safe_ = std::max(safe_, *next);
    return next;
}

void IsolateLink::deliver(uint64_t now_ns) {
    safe_ = world().barrier(id, now_ns);
    for (const sim::Message& m : world().take_arrived(id, now_ns)) dispatch(m);
}

void IsolateLink::on_barrier() {
    uint64_t now = process.now_ns();
    if (now > safe_) {
        // Virtual cores: the slices this isolate spent without a core pass on its clock.
        const uint64_t resumed = world().time_slice(id, now);
        if (resumed > now) process.advance_clock_to(now = resumed);
        safe_ = world().barrier(id, now);
    }
    // Every message that arrives by `now` has been posted (now <= safe).
    if (!is_main && world().earliest_interrupt(id) <= now) throw ProcessExit{1};
}

void IsolateLink::send(uint32_t to, LinkMessage kind, uint32_t channel, std::shared_ptr<const void> payload,
                       size_t bytes, bool interrupt) {
    sim::Message m;
    m.sent_ns = process.now_ns();
    // One latency for every message: a later send never overtakes an earlier
    // one on the same channel (the bytes were charged to the sender already).
    (void)bytes;
    m.arrival_ns = m.sent_ns + process.costs().worker_message_ns;
    m.sender = id;
    m.receiver = to;
    m.kind = uint32_t(kind);
    m.channel = channel;
    m.interrupt = interrupt;
    m.payload = std::move(payload);
    if (!world().post(std::move(m))) throw js::LimitExceeded{"looplab: too many messages in flight"};
}

uint32_t IsolateLink::spawn(WorkerSpec spec) {
    const uint64_t start = process.now_ns() + process.costs().worker_startup_ns;
    std::optional<uint32_t> child = world().add_isolate(start);
    if (!child) return 0;
    record_isolate(*shared, trace::IsolateInfo{uint16_t(*child), 0, uint16_t(id), trace::IsolateKind::WorkerThread,
                                               "worker " + std::to_string(*child), start});
    {
        std::lock_guard lock(shared->ports_mutex);
        const auto root = shared->process_roots.find(id);
        shared->process_roots[*child] = root != shared->process_roots.end() ? root->second : id;
    }
    world().start_thread(*child, [s = shared, c = *child, p = id, start, spec = std::move(spec)]() mutable {
        run_worker_thread(s, c, p, start, std::move(spec));
    });
    return *child;
}

// Hands one message to the isolate's JS side: the worker_threads module
// installed the dispatcher as a hidden global.
void IsolateLink::dispatch(const sim::Message& m) {
    NodeProcess& p = process;
    js::Isolate& isolate = p.isolate();
    if (m.kind >= kFirstProcessMessage) return dispatch_process_message(p, m);
    const auto kind = LinkMessage(m.kind);
    if (kind == LinkMessage::Stdout || kind == LinkMessage::Stderr) {
        p.write(kind == LinkMessage::Stdout ? Stream::Stdout : Stream::Stderr,
                *static_cast<const std::string*>(m.payload.get()));
        return;
    }
    if (kind == LinkMessage::Terminate) throw ProcessExit{1};
    if (kind == LinkMessage::AtomicsWake) return;  // Atomics.wait takes its own (world.h wait_for_kind)
    if (kind == LinkMessage::PortData || kind == LinkMessage::PortClose) return dispatch_port(m);
    js::Value dispatcher = js::get(isolate, js::Value::object(isolate.realm().global), "__looplabWorkerDispatch");
    if (!js::is_callable(dispatcher)) return;
    if (kind == LinkMessage::Data) {
        const auto& node = *static_cast<const CloneNode*>(m.payload.get());
        record_message(p, EventKind::MessageDeliver, m.sender, trace::MessageRoute::Worker, node, clone_size(node));
    } else {
        p.record(EventKind::Emit, Rule::None, p.intern("worker event"));
    }
    p.callback_scope([&] {
        js::Value value = js::Value::undefined();
        if (kind == LinkMessage::Data || kind == LinkMessage::Error) {
            // Each message is delivered once: its transferred bytes and ports move out.
            auto* node = const_cast<CloneNode*>(static_cast<const CloneNode*>(m.payload.get()));
            value = deserialize_value(isolate, *node, [&isolate](const std::shared_ptr<void>& state) {
                return make_port_object(isolate, state);
            });
        } else if (kind == LinkMessage::Exit) {
            value = js::Value::number(*static_cast<const int*>(m.payload.get()));
        }
        const js::Value args[] = {js::Value::number(double(m.kind)), js::Value::number(m.channel), value};
        p.call_callback(dispatcher, js::Value::undefined(), args, Rule::None, "onmessage");
    });
}

// A message for a MessagePort: to it if it lives here, on to its new
// isolate if it moved away meanwhile, else kept until it arrives here.
void IsolateLink::dispatch_port(const sim::Message& m) {
    PortHub& hub = port_hub(process);
    const auto kind = LinkMessage(m.kind);
    const uint32_t owner = port_owner(*this, m.channel);
    if (!hub.owns(m.channel) && owner != id) {
        send(owner, kind, m.channel, m.payload, 0);
        return;
    }
    if (kind == LinkMessage::PortClose) return hub.peer_closed(m.channel);
    auto message = std::const_pointer_cast<CloneNode>(std::static_pointer_cast<const CloneNode>(m.payload));
    const size_t bytes = clone_size(*message);
    hub.receive(m.channel, PortMessage{std::move(message), m.sender, bytes});
}

void record_message(NodeProcess& p, trace::EventKind kind, uint32_t peer, trace::MessageRoute route,
                    const CloneNode& payload, size_t bytes) {
    record_message(p, kind, peer, route, payload_type(payload), bytes);
}

void record_message(NodeProcess& p, trace::EventKind kind, uint32_t peer, trace::MessageRoute route,
                    trace::MessagePayload payload, size_t bytes) {
    const trace::MessageInfo info{uint16_t(peer), payload, route};
    const Rule rule = kind == EventKind::MessagePost ? Rule::MessagePosted : Rule::MessageDelivered;
    p.record(kind, rule, trace::pack_message(info), uint32_t(std::min<size_t>(bytes, UINT32_MAX)));
}

uint64_t message_window_ns(const sim::CostModel& costs) {
    return std::max<uint64_t>(1, std::min(costs.worker_message_ns, costs.ipc_hop_ns));
}

IsolateLink& isolate_link(NodeProcess& p) {
    if (auto* link = p.loop().find_io_source<IsolateLink>()) return *link;
    auto shared = std::make_shared<WorldShared>();
    shared->config = p.config();
    shared->costs = p.costs();
    shared->tracing = p.tracing();
    sim::WorldConfig wc;
    wc.host_threads = p.config().host_threads != 0 ? p.config().host_threads
                                                   : std::max(1u, std::thread::hardware_concurrency());
    wc.cores = p.config().cores;
    wc.window_ns = message_window_ns(p.costs());
    shared->world = std::make_unique<sim::World>(wc);
    p.isolate().shared_memory = &world_shared_memory();
    const uint32_t id = *shared->world->add_isolate(start_of_world(p));
    shared->world->adopt_current_thread(id);
    trace::IsolateInfo main = trace::main_isolate_info(kPid);
    main.id = main.parent = uint16_t(id);
    record_isolate(*shared, std::move(main));
    auto link = std::make_unique<IsolateLink>(p, shared, id, id, true);
    IsolateLink& ref = *link;
    p.loop().add_io_source(std::move(link));
    return ref;
}

void record_isolate(WorldShared& shared, trace::IsolateInfo info) {
    if (!shared.tracing) return;
    std::lock_guard lock(shared.traces_mutex);
    if (info.pid == 0) {
        auto parent = std::find_if(shared.isolate_table.begin(), shared.isolate_table.end(),
                                   [&](const trace::IsolateInfo& x) { return x.id == info.parent; });
        info.pid = parent != shared.isolate_table.end() ? parent->pid : kPid;
    }
    shared.isolate_table.push_back(std::move(info));
}

std::shared_ptr<void> observe_isolate(NodeProcess& p, IsolateLink& link, trace::Trace* trace) {
    struct Observers {
        std::unique_ptr<TraceObserver> tracer;
        std::unique_ptr<BarrierObserver> barrier;
    };
    auto owned = std::make_shared<Observers>();
    if (trace != nullptr) owned->tracer = std::make_unique<TraceObserver>(p, *trace);
    owned->barrier = std::make_unique<BarrierObserver>(link, owned->tracer.get());
    p.isolate().interpreter().set_observer(owned->barrier.get());
    return owned;
}

// ---------------------------------------------------------------- trace merge

namespace {

bool carries_string(EventKind k) {
    const std::string_view n = trace::event_kind_name(k);
    return n == "call_push" || n == "console_write" || n == "uncaught" || n == "emit" || n == "limit";
}

bool carries_item(EventKind k) {
    const std::string_view n = trace::event_kind_name(k);
    return n == "enqueue" || n == "dequeue" || n == "cancel" || n == "handle_ref" || n == "race" ||
           n.starts_with("pool_") || n == "io_ready";
}

struct Cursor {
    const trace::Trace* trace;
    std::vector<uint64_t> times;
    size_t next = 0;
    uint32_t isolate;
    std::vector<uint32_t> file_map{};
    std::vector<uint32_t> item_map{};  // its item id -> merged id (0: not yet)
};

}  // namespace

void merge_traces(trace::Trace& main, std::vector<std::pair<uint32_t, std::unique_ptr<trace::Trace>>>& workers) {
    if (workers.empty()) return;
    // Which thread finished first must not matter: order the inputs by id.
    std::sort(workers.begin(), workers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    trace::Trace merged;
    merged.meta() = main.meta();
    for (const trace::IsolateInfo& info : main.isolate_table()) merged.set_isolate(info);
    std::vector<Cursor> cursors;
    cursors.push_back({&main, trace::event_times(main), 0, 0, {}});
    for (auto& [id, t] : workers) cursors.push_back({t.get(), trace::event_times(*t), 0, id, {}});
    for (Cursor& c : cursors) {
        for (const trace::SourceFile& f : c.trace->files()) {
            uint32_t index = 0;
            for (; index < merged.files().size(); index++) {
                if (merged.files()[index].path == f.path) break;
            }
            if (index == merged.files().size()) merged.add_file(f.path, f.text);
            c.file_map.push_back(index);
        }
    }
    for (;;) {
        Cursor* best = nullptr;
        for (Cursor& c : cursors) {
            if (c.next >= c.trace->size()) continue;
            // Ties: the isolate with the smaller id first (the cursor order).
            if (best == nullptr || c.times[c.next] < best->times[best->next]) best = &c;
        }
        if (best == nullptr) break;
        const trace::Event& e = best->trace->events()[best->next];
        const uint64_t t = best->times[best->next];
        best->next++;
        if (e.kind == EventKind::TimeJump) continue;
        uint32_t a = e.a, b = e.b;
        if (carries_string(e.kind)) a = merged.intern(best->trace->str(e.a));
        if (carries_item(e.kind) && e.a != 0 && e.a < best->trace->items().size()) {
            if (best->item_map.size() <= e.a) best->item_map.resize(best->trace->items().size(), 0);
            if (best->item_map[e.a] == 0) {
                trace::Item item = best->trace->item(e.a);
                item.label = merged.intern(best->trace->str(item.label));
                best->item_map[e.a] = merged.add_item(item);
            }
            a = best->item_map[e.a];
        }
        if (e.kind == EventKind::Step) {
            const uint32_t file = e.b >> 20;
            if (file < best->file_map.size()) b = (best->file_map[file] << 20) | (e.b & 0xFFFFFu);
        }
        merged.append(t, e.kind, trace::Rule(e.rule), a, b, e.isolate);
    }
    main = std::move(merged);
}

}  // namespace looplab::node
