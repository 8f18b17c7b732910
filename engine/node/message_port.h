// MessageChannel ports of one isolate (Node's MessagePort over a uv_async
// handle): each port queues what arrives for it, and the poll phase drains
// the started ports in the order they were created or received, one
// callback per message. A port's peer may live in another isolate; then a
// message crosses the World like a worker message (worker.h). Ports travel
// in transfer lists with the messages still queued for them.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "engine/node/event_loop.h"
#include "engine/node/structured_clone.h"

namespace looplab::node {

class NodeProcess;

// A message queued on a port, with what the trace says of it.
struct PortMessage {
    std::shared_ptr<CloneNode> value;
    uint32_t sender = 0;  // isolate
    size_t bytes = 0;
};

// What a transfer carries from one isolate to another.
struct PortState {
    uint32_t id = 0;
    uint32_t peer = 0;
    bool peer_closed = false;
    std::deque<PortMessage> queue;  // arrived, not yet delivered
};

class PortHub final : public IoSource {
public:
    explicit PortHub(NodeProcess& p) : process_(p) {}

    bool active() const override { return refed_count() > 0; }
    std::optional<uint64_t> next_ready_ns() const override;
    void deliver(uint64_t now_ns) override;
    void run_closing() override;
    bool has_closing() const override;

    // Started, referenced, open ports: they keep the loop alive.
    int refed_count() const;
    // new MessageChannel(): two entangled ports of this isolate.
    std::pair<uint32_t, uint32_t> create_channel();
    // port.postMessage: the message goes to the peer, here or in its isolate.
    void post(uint32_t from, std::shared_ptr<CloneNode> message, size_t bytes);
    // A message for port `to`, which isolate `owner` holds (BroadcastChannel).
    void send_to(uint32_t to, uint32_t owner, std::shared_ptr<CloneNode> message, size_t bytes);
    // A message (from this isolate or the World) for port `id`.
    void receive(uint32_t id, PortMessage message);
    void set_started(uint32_t id);
    void set_refed(uint32_t id, bool refed);
    void close(uint32_t id);
    // The peer closed: its notice arrived (from the World, in the poll phase).
    void peer_closed(uint32_t id);
    // receiveMessageOnPort: the oldest queued message, taken synchronously.
    std::shared_ptr<CloneNode> take_one(uint32_t id);
    // Transfers: the state to put in the message, then the port leaves.
    std::shared_ptr<PortState> state_of(uint32_t id) const;
    void release(uint32_t id, uint32_t new_owner);
    // A port that arrived in a message; returns its id.
    uint32_t adopt(const std::shared_ptr<PortState>& state);
    bool owns(uint32_t id) const { return find(id) != nullptr; }

private:
    struct Port {
        std::shared_ptr<PortState> state;
        bool started = false;
        bool refed = false;
        bool closed = false;
        bool close_pending = false;  // 'close' waits for the close phase
    };
    Port* find(uint32_t id);
    const Port* find(uint32_t id) const;
    void emit_message(uint32_t id, const PortMessage& message);
    void emit_close(uint32_t id);
    void call_dispatcher(uint32_t kind, uint32_t id, const std::shared_ptr<CloneNode>& message);
    void mark_closing(Port& port);
    void notify_peer(const Port& port);
    void drain(uint32_t id);

    NodeProcess& process_;
    std::vector<Port> ports_;  // creation / adoption order: the order poll drains them
    std::vector<std::pair<uint32_t, PortMessage>> orphans_;  // for ports still in transit here
    // Ports whose 'close' is due, in the order they were closed: libuv runs
    // the handles closed in one iteration last-closed first.
    std::vector<uint32_t> closing_;
    // Close notices for peers in this isolate: like a message on the peer's
    // async handle, seen by the next poll phase.
    std::vector<uint32_t> close_notices_;
    uint32_t next_local_ = 1;
};

// The hub of `p`, created on first use.
PortHub& port_hub(NodeProcess& p);
// Turns a transferred port into a MessagePort object of `isolate`.
js::Value make_port_object(js::Isolate& isolate, const std::shared_ptr<void>& state);

// Atomics across isolates and the globals MessageChannel, MessagePort,
// BroadcastChannel (shared_memory_host.cpp); every isolate installs them.
void install_worker_globals(NodeProcess& p);

// Kinds the JS dispatcher (__looplabWorkerDispatch) understands for ports.
inline constexpr uint32_t kDispatchPortMessage = 20;
inline constexpr uint32_t kDispatchPortClose = 21;
inline constexpr uint32_t kDispatchMakePort = 22;

}  // namespace looplab::node
