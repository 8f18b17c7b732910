// Isolates of one run talking through the World (engine/sim/world.h): the
// per-isolate link (an IoSource of its event loop: messages arrive in the
// poll phase), spawning a worker isolate on its own host thread, and the
// merge of every isolate's trace into the run's trace in (virtual time,
// isolate, order) so that --host-threads never changes a byte.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <unordered_map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/js/shared_memory.h"
#include "engine/node/event_loop.h"
#include "engine/node/runtime.h"
#include "engine/node/structured_clone.h"
#include "engine/sim/cost_model.h"
#include "engine/sim/world.h"
#include "engine/trace/trace.h"

namespace looplab::node {

class NodeProcess;

// Statements between clock publications (not a cost: how often an isolate
// checks in with the World). The costs of workers and messages are in
// sim::CostModel (worker_startup_ns, worker_message_ns, worker_message_byte_ns).
inline constexpr uint32_t kBarrierStatements = 1024;

// What crosses the World between isolates (sim::Message::kind).
enum class LinkMessage : uint32_t { Data = 1, Stdout, Stderr, Online, Error, Exit, Terminate, PortData, PortClose, AtomicsWake };

// State shared by every isolate of one run.
struct WorldShared {
    std::unique_ptr<sim::World> world;
    RunConfig config;
    sim::CostModel costs;  // the run's model (with --cost-model): every isolate charges by it
    bool tracing = false;
    std::mutex traces_mutex;
    std::vector<std::pair<uint32_t, std::unique_ptr<trace::Trace>>> worker_traces;
    // Every isolate of the run with its process (guarded by traces_mutex),
    // copied into the run's trace at the merge.
    std::vector<trace::IsolateInfo> isolate_table;
    // MessagePorts that moved to another isolate (message_port.h); look-up only.
    std::mutex ports_mutex;
    std::unordered_map<uint32_t, uint32_t> port_owners;
    // Each worker thread's process, as the isolate of that process's main
    // thread (a main thread is its own; guarded by ports_mutex).
    std::unordered_map<uint32_t, uint32_t> process_roots;
    // BroadcastChannel members per (process, name), in the order they
    // joined: {isolate, port}. Only touched in turn, under ports_mutex.
    std::map<std::pair<uint32_t, std::string>, std::vector<std::pair<uint32_t, uint32_t>>> broadcast_members;
    // Atomics.wait waiters per (block, byte index), in the order they began
    // waiting. Only touched in turn (World::take_turn); look-up only.
    std::mutex waiters_mutex;
    std::map<std::pair<const js::SharedBytes*, size_t>, std::deque<uint32_t>> waiters;
};

struct WorkerSpec {
    std::string filename;  // absolute path, or "[worker eval]"
    std::string source;
    std::string dir;       // the folder require() resolves from
    CloneNode worker_data;
    std::vector<std::string> argv;
};

class BarrierObserver;

// One isolate's end of the world; registered as an IoSource of its loop.
class IsolateLink final : public IoSource {
public:
    IsolateLink(NodeProcess& p, std::shared_ptr<WorldShared> shared, uint32_t id, uint32_t parent, bool is_main);
    ~IsolateLink() override;

    // Referenced workers, parentPort listeners and started MessagePorts.
    bool active() const override;
    std::optional<uint64_t> next_ready_ns() const override;
    void deliver(uint64_t now_ns) override;

    // Sends to isolate `to` after the modelled latency.
    void send(uint32_t to, LinkMessage kind, uint32_t channel, std::shared_ptr<const void> payload, size_t bytes,
              bool interrupt = false);
    // Starts a worker isolate; returns its thread id or 0 past the isolate limit.
    uint32_t spawn(WorkerSpec spec);
    // Statement barrier (BarrierObserver): publishes the clock, honours terminate.
    void on_barrier();

    NodeProcess& process;
    std::shared_ptr<WorldShared> shared;
    const uint32_t id;
    const uint32_t parent;  // == id for the main thread
    const bool is_main;
    int refs = 0;           // referenced Worker objects and parentPort listeners
    // The main thread of a forked child process (process_ipc.h): not the
    // world's root, yet isMainThread is true for it.
    bool main_thread_of_process = false;
    CloneNode worker_data;

private:
    sim::World& world() const { return *shared->world; }
    void dispatch(const sim::Message& m);
    void dispatch_port(const sim::Message& m);
    mutable uint64_t safe_ = 0;
    std::unique_ptr<BarrierObserver> observer_;
    trace::Trace* main_trace_ = nullptr;
};

// The trace's message events: `kind` is MessagePost (at the sender, `peer`
// the receiver) or MessageDeliver (at the receiver, `peer` the sender);
// the payload's type and size in bytes travel with it.
void record_message(NodeProcess& p, trace::EventKind kind, uint32_t peer, trace::MessageRoute route,
                    const CloneNode& payload, size_t bytes);
void record_message(NodeProcess& p, trace::EventKind kind, uint32_t peer, trace::MessageRoute route,
                    trace::MessagePayload payload, size_t bytes);

// The World's window: the smallest latency any message between isolates
// can have (a worker message or an IPC hop), at least 1 ns.
uint64_t message_window_ns(const sim::CostModel& costs);

// The isolate that owns MessagePort `port` at `link`'s virtual time (its
// creator unless it moved); both wait for `link`'s turn in the World.
uint32_t port_owner(IsolateLink& link, uint32_t port);
void set_port_owner(IsolateLink& link, uint32_t port, uint32_t isolate);

// Atomics across isolates through the World (shared_memory_host.cpp).
js::SharedMemoryHost& world_shared_memory();

// The link of `p`, created with its world on first use (the main thread).
IsolateLink& isolate_link(NodeProcess& p);

// ---- hooks for forked processes (process_ipc.cpp) ----
// Installs on a non-root isolate its statement barrier and, with a trace,
// its statement and call recorder; the returned object owns them.
std::shared_ptr<void> observe_isolate(NodeProcess& p, IsolateLink& link, trace::Trace* trace);

// Adds `info` to the run's isolate table (traced runs only). A worker
// thread's pid is its parent's: give it 0 and it is looked up.
void record_isolate(WorldShared& shared, trace::IsolateInfo info);

// Appends every worker trace into `main` in (time, isolate, order).
void merge_traces(trace::Trace& main, std::vector<std::pair<uint32_t, std::unique_ptr<trace::Trace>>>& workers);

}  // namespace looplab::node
