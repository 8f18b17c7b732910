// MessageChannel ports of one isolate; see message_port.h.
#include "engine/node/message_port.h"

#include <algorithm>

#include "engine/js/operations.h"
#include "engine/node/process.h"
#include "engine/node/worker.h"

namespace looplab::node {

using trace::EventKind;
using trace::Rule;

PortHub::Port* PortHub::find(uint32_t id) {
    for (Port& port : ports_) {
        if (port.state->id == id) return &port;
    }
    return nullptr;
}

const PortHub::Port* PortHub::find(uint32_t id) const { return const_cast<PortHub*>(this)->find(id); }

int PortHub::refed_count() const {
    int n = 0;
    for (const Port& port : ports_) n += port.started && port.refed && !port.closed ? 1 : 0;
    return n;
}

std::optional<uint64_t> PortHub::next_ready_ns() const {
    if (!close_notices_.empty()) return process_.now_ns();
    for (const Port& port : ports_) {
        if (port.started && !port.closed && !port.state->queue.empty()) return process_.now_ns();
    }
    return std::nullopt;
}

bool PortHub::has_closing() const { return !closing_.empty(); }

void PortHub::mark_closing(Port& port) {
    port.close_pending = true;
    closing_.push_back(port.state->id);
}

std::pair<uint32_t, uint32_t> PortHub::create_channel() {
    // Ids are unique in the world and deterministic: the creating isolate in
    // the high bits, its own counter below.
    const uint32_t base = process_.isolate().id << 20;
    const uint32_t a = base | next_local_++;
    const uint32_t b = base | next_local_++;
    auto state_a = std::make_shared<PortState>();
    auto state_b = std::make_shared<PortState>();
    state_a->id = a, state_a->peer = b;
    state_b->id = b, state_b->peer = a;
    ports_.push_back({state_a});
    ports_.push_back({state_b});
    return {a, b};
}

void PortHub::post(uint32_t from, std::shared_ptr<CloneNode> message, size_t bytes) {
    const Port* port = find(from);
    if (port == nullptr || port->closed || port->state->peer_closed) return;
    const uint32_t peer = port->state->peer;
    if (owns(peer)) return send_to(peer, process_.isolate().id, std::move(message), bytes);
    send_to(peer, port_owner(isolate_link(process_), peer), std::move(message), bytes);
}

void PortHub::send_to(uint32_t to, uint32_t owner, std::shared_ptr<CloneNode> message, size_t bytes) {
    const uint32_t self = process_.isolate().id;
    record_message(process_, EventKind::MessagePost, owner, trace::MessageRoute::Port, *message, bytes);
    if (owner == self) return receive(to, PortMessage{std::move(message), self, bytes});
    isolate_link(process_).send(owner, LinkMessage::PortData, to, std::move(message), bytes);
}

void PortHub::receive(uint32_t id, PortMessage message) {
    Port* port = find(id);
    if (port == nullptr) {
        orphans_.emplace_back(id, std::move(message));
        return;
    }
    if (!port->closed) port->state->queue.push_back(std::move(message));
}

void PortHub::set_started(uint32_t id) {
    if (Port* port = find(id)) port->started = true;
}

void PortHub::set_refed(uint32_t id, bool refed) {
    if (Port* port = find(id)) port->refed = refed;
}

void PortHub::close(uint32_t id) {
    Port* port = find(id);
    if (port == nullptr || port->closed) return;
    port->closed = true;
    mark_closing(*port);
    port->state->queue.clear();
}

// Node disentangles a port in its handle's close callback: the peer hears
// of the close only from this close phase on.
void PortHub::notify_peer(const Port& port) {
    if (port.state->peer_closed) return;
    const uint32_t peer = port.state->peer;
    if (owns(peer)) return close_notices_.push_back(peer);
    if (auto* link = process_.loop().find_io_source<IsolateLink>()) {
        link->send(port_owner(*link, peer), LinkMessage::PortClose, peer, nullptr, 0);
    }
}

void PortHub::peer_closed(uint32_t id) {
    Port* port = find(id);
    if (port == nullptr || port->closed) return;
    port->state->peer_closed = true;
    // Node closes the entangled port too; only a started one reports it.
    if (port->state->queue.empty() || !port->started) {
        port->closed = true;
        if (port->started) mark_closing(*port);
    }
}


std::shared_ptr<CloneNode> PortHub::take_one(uint32_t id) {
    Port* port = find(id);
    if (port == nullptr || port->state->queue.empty()) return nullptr;
    PortMessage message = std::move(port->state->queue.front());
    port->state->queue.pop_front();
    return std::move(message.value);
}

std::shared_ptr<PortState> PortHub::state_of(uint32_t id) const {
    const Port* port = find(id);
    return port != nullptr && !port->closed ? port->state : nullptr;
}

void PortHub::release(uint32_t id, uint32_t new_owner) {
    for (size_t i = 0; i < ports_.size(); i++) {
        if (ports_[i].state->id != id) continue;
        if (auto* link = process_.loop().find_io_source<IsolateLink>()) set_port_owner(*link, id, new_owner);
        ports_.erase(ports_.begin() + long(i));
        return;
    }
}

uint32_t PortHub::adopt(const std::shared_ptr<PortState>& state) {
    if (owns(state->id)) return state->id;  // sent to a peer in this same isolate
    ports_.push_back({state});
    // Messages that overtook the port on the way here.
    for (size_t i = 0; i < orphans_.size();) {
        if (orphans_[i].first == state->id) {
            state->queue.push_back(std::move(orphans_[i].second));
            orphans_.erase(orphans_.begin() + long(i));
        } else {
            i++;
        }
    }
    return state->id;
}

void PortHub::emit_message(uint32_t id, const PortMessage& message) {
    record_message(process_, EventKind::MessageDeliver, message.sender, trace::MessageRoute::Port, *message.value,
                   message.bytes);
    call_dispatcher(kDispatchPortMessage, id, message.value);
}

void PortHub::emit_close(uint32_t id) {
    process_.record(EventKind::Emit, Rule::CloseCallbacksPhase, process_.intern("close"));
    call_dispatcher(kDispatchPortClose, id, nullptr);
}

void PortHub::call_dispatcher(uint32_t kind, uint32_t id, const std::shared_ptr<CloneNode>& message) {
    NodeProcess& p = process_;
    js::Isolate& isolate = p.isolate();
    js::Value dispatcher = js::get(isolate, js::Value::object(isolate.realm().global), "__looplabWorkerDispatch");
    if (!js::is_callable(dispatcher)) return;
    p.callback_scope([&] {
        js::Value value = js::Value::undefined();
        if (message) {
            value = deserialize_value(isolate, *message, [&isolate](const std::shared_ptr<void>& state) {
                return make_port_object(isolate, state);
            });
        }
        const js::Value args[] = {js::Value::number(kind), js::Value::number(id), value};
        p.call_callback(dispatcher, js::Value::undefined(), args, Rule::None, "onmessage");
    });
}

void PortHub::deliver(uint64_t) {
    // Port by port in creation order, as libuv runs the async handles: a
    // started port's messages, and a close notice sent by the last close
    // phase (it closes the port once what was queued before it is delivered).
    std::vector<uint32_t> notices;
    notices.swap(close_notices_);
    const auto noticed = [&notices](uint32_t id) { return std::find(notices.begin(), notices.end(), id) != notices.end(); };
    std::vector<uint32_t> turn;
    for (const Port& port : ports_) {
        if (!port.closed && (port.started || noticed(port.state->id))) turn.push_back(port.state->id);
    }
    for (uint32_t id : turn) {
        if (noticed(id)) peer_closed(id);
        drain(id);
    }
}

// What was queued on port `id` when its turn came, each message its own
// callback; a port whose peer closed closes once it has drained.
void PortHub::drain(uint32_t id) {
    Port* port = find(id);
    if (port == nullptr || !port->started) return;
    size_t count = port->state->queue.size();
    while (count-- > 0) {
        port = find(id);
        if (port == nullptr || port->closed || port->state->queue.empty()) break;
        PortMessage message = std::move(port->state->queue.front());
        port->state->queue.pop_front();
        emit_message(id, message);
    }
    port = find(id);
    if (port != nullptr && port->state->peer_closed && port->state->queue.empty() && !port->closed) {
        port->closed = true;
        mark_closing(*port);
    }
}

void PortHub::run_closing() {
    // Ports closed by these callbacks wait for the next close phase.
    std::vector<uint32_t> due;
    due.swap(closing_);
    for (auto it = due.rbegin(); it != due.rend(); ++it) {
        Port* port = find(*it);
        if (port == nullptr || !port->close_pending) continue;
        port->close_pending = false;
        notify_peer(*port);
        emit_close(*it);
    }
}

PortHub& port_hub(NodeProcess& p) {
    if (auto* hub = p.loop().find_io_source<PortHub>()) return *hub;
    auto hub = std::make_unique<PortHub>(p);
    PortHub& ref = *hub;
    p.loop().add_io_source(std::move(hub));
    return ref;
}

js::Value make_port_object(js::Isolate& isolate, const std::shared_ptr<void>& opaque) {
    auto state = std::static_pointer_cast<PortState>(opaque);
    NodeProcess& p = process_of(isolate);
    const uint32_t id = port_hub(p).adopt(state);
    js::Value dispatcher = js::get(isolate, js::Value::object(isolate.realm().global), "__looplabWorkerDispatch");
    if (!js::is_callable(dispatcher)) return js::Value::undefined();
    const js::Value args[] = {js::Value::number(kDispatchMakePort), js::Value::number(id), js::Value::undefined()};
    return isolate.call(dispatcher, js::Value::undefined(), args);
}

}  // namespace looplab::node
