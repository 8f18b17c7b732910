// SharedArrayBuffer + Atomics across isolates (docs/parallelism.md):
// every Atomics operation on shared memory first takes its turn in the
// World, so the operations of all isolates happen in virtual-time order
// (ties: the smaller isolate id first) whatever the host threads do.
// Atomics.wait sleeps in virtual time until an Atomics.notify's wake-up
// message arrives (one message window later) or its timeout passes.
#include <algorithm>

#include "engine/js/operations.h"
#include "engine/node/message_port.h"
#include "engine/node/process.h"
#include "engine/node/worker.h"

namespace looplab::node {

namespace {

using trace::EventKind;
using trace::Rule;

IsolateLink* link_of(js::Isolate& isolate) { return process_of(isolate).loop().find_io_source<IsolateLink>(); }

bool remove_waiter(WorldShared& shared, const js::SharedBytes* block, size_t index, uint32_t id) {
    std::lock_guard lock(shared.waiters_mutex);
    auto it = shared.waiters.find({block, index});
    if (it == shared.waiters.end()) return false;
    auto found = std::find(it->second.begin(), it->second.end(), id);
    if (found == it->second.end()) return false;
    it->second.erase(found);
    if (it->second.empty()) shared.waiters.erase(it);
    return true;
}

[[noreturn]] void block_forever() {
    throw js::LimitExceeded{"looplab: Atomics.wait would block forever (no other thread can notify it)"};
}

// Stateless: the state lives in each isolate's link and the WorldShared, so
// one instance serves every isolate of every run.
class WorldSharedMemory final : public js::SharedMemoryHost {
public:
    void take_turn(js::Isolate& isolate) override {
        IsolateLink* link = link_of(isolate);
        if (link != nullptr) link->shared->world->take_turn(link->id, process_of(isolate).now_ns());
    }

    bool wait(js::Isolate& isolate, const std::shared_ptr<js::SharedBytes>& block, size_t index,
              std::optional<uint64_t> timeout_ns) override {
        NodeProcess& p = process_of(isolate);
        const uint64_t start = p.now_ns();
        const uint64_t deadline = timeout_ns ? start + *timeout_ns : sim::kNever;
        p.record(EventKind::Emit, Rule::None, p.intern("Atomics.wait"));
        IsolateLink* link = link_of(isolate);
        if (link == nullptr) {
            // Alone in the world: nobody can notify, only the timeout ends it.
            if (!timeout_ns) block_forever();
            p.advance_clock_to(deadline);
            return woke(p, false);
        }
        WorldShared& shared = *link->shared;
        {
            std::lock_guard lock(shared.waiters_mutex);
            shared.waiters[{block.get(), index}].push_back(link->id);
        }
        const auto wake = static_cast<uint32_t>(LinkMessage::AtomicsWake);
        std::optional<sim::Message> m = shared.world->wait_for_kind(link->id, start, deadline, wake);
        if (!m) {
            const bool shutting_down = shared.world->shutdown_at() != sim::kNever;
            if (shutting_down || !timeout_ns) {
                remove_waiter(shared, block.get(), index, link->id);
                if (shutting_down && !link->is_main) throw ProcessExit{1};
                block_forever();
            }
            // Timed out, unless a notify took this waiter first: its wake-up
            // is then on the way and the wait ends "ok" when it arrives.
            p.advance_clock_to(deadline);
            shared.world->take_turn(link->id, deadline);
            if (remove_waiter(shared, block.get(), index, link->id)) return woke(p, false);
            m = shared.world->wait_for_kind(link->id, deadline, sim::kNever, wake);
            if (!m) throw ProcessExit{1};
        }
        if (m->interrupt) throw ProcessExit{1};  // worker.terminate() while it waited
        p.advance_clock_to(std::max(start, m->arrival_ns));
        return woke(p, true);
    }

    uint32_t notify(js::Isolate& isolate, const std::shared_ptr<js::SharedBytes>& block, size_t index,
                    uint32_t count) override {
        IsolateLink* link = link_of(isolate);
        if (link == nullptr) return 0;
        std::vector<uint32_t> woken;
        {
            std::lock_guard lock(link->shared->waiters_mutex);
            auto it = link->shared->waiters.find({block.get(), index});
            if (it == link->shared->waiters.end()) return 0;
            while (!it->second.empty() && woken.size() < count) {
                woken.push_back(it->second.front());
                it->second.pop_front();
            }
            if (it->second.empty()) link->shared->waiters.erase(it);
        }
        for (uint32_t waiter : woken) link->send(waiter, LinkMessage::AtomicsWake, 0, nullptr, 0);
        return uint32_t(woken.size());
    }

private:
    static bool woke(NodeProcess& p, bool notified) {
        p.record(EventKind::Emit, Rule::None, p.intern(notified ? "Atomics.wait: ok" : "Atomics.wait: timed-out"));
        return notified;
    }
};

// The global MessageChannel, MessagePort and BroadcastChannel come from
// worker_threads, loaded on first use as Node's lazy globals are.
js::Value worker_threads_export(js::Isolate& isolate, std::string_view name) {
    NodeProcess& p = process_of(isolate);
    js::Value exports = p.modules->require(nullptr, "worker_threads");
    return js::get(isolate, exports, name);
}

js::Value global_message_channel(js::Isolate& isolate, const js::CallArgs&) {
    return worker_threads_export(isolate, "MessageChannel");
}
js::Value global_message_port(js::Isolate& isolate, const js::CallArgs&) {
    return worker_threads_export(isolate, "MessagePort");
}
js::Value global_broadcast_channel(js::Isolate& isolate, const js::CallArgs&) {
    return worker_threads_export(isolate, "BroadcastChannel");
}

}  // namespace

js::SharedMemoryHost& world_shared_memory() {
    static WorldSharedMemory host;
    return host;
}

void install_worker_globals(NodeProcess& p) {
    js::Isolate& isolate = p.isolate();
    isolate.shared_memory = &world_shared_memory();
    isolate.define_getter(isolate.realm().global, "MessageChannel", global_message_channel);
    isolate.define_getter(isolate.realm().global, "MessagePort", global_message_port);
    isolate.define_getter(isolate.realm().global, "BroadcastChannel", global_broadcast_channel);
}

}  // namespace looplab::node
