// MessageChannel ports of one isolate; see message_port.h.
#include "engine/node/message_port.h"

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
    for (const Port& port : ports_) {
        if (port.started && !port.closed && !port.state->queue.empty()) return process_.now_ns();
    }
    return std::nullopt;
}

bool PortHub::has_closing() const {
    for (const Port& port : ports_) {
        if (port.close_pending) return true;
    }
    return false;
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
    if (owns(peer)) return receive(peer, std::move(message));
    IsolateLink& link = isolate_link(process_);
    link.send(port_owner(*link.shared, peer), LinkMessage::PortData, peer, std::move(message), bytes);
}

void PortHub::receive(uint32_t id, std::shared_ptr<CloneNode> message) {
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
    port->close_pending = true;
    port->state->queue.clear();
    const uint32_t peer = port->state->peer;
    if (port->state->peer_closed) return;
    if (owns(peer)) return peer_closed(peer);
    if (auto* link = process_.loop().find_io_source<IsolateLink>()) {
        link->send(port_owner(*link->shared, peer), LinkMessage::PortClose, peer, nullptr, 0);
    }
}

void PortHub::peer_closed(uint32_t id) {
    Port* port = find(id);
    if (port == nullptr || port->closed) return;
    port->state->peer_closed = true;
    // Node closes the entangled port too; only a started one reports it.
    if (port->state->queue.empty() || !port->started) {
        port->closed = true;
        port->close_pending = port->started;
    }
}

std::shared_ptr<CloneNode> PortHub::take_one(uint32_t id) {
    Port* port = find(id);
    if (port == nullptr || port->state->queue.empty()) return nullptr;
    std::shared_ptr<CloneNode> message = std::move(port->state->queue.front());
    port->state->queue.pop_front();
    return message;
}

std::shared_ptr<PortState> PortHub::state_of(uint32_t id) const {
    const Port* port = find(id);
    return port != nullptr && !port->closed ? port->state : nullptr;
}

void PortHub::release(uint32_t id, uint32_t new_owner) {
    for (size_t i = 0; i < ports_.size(); i++) {
        if (ports_[i].state->id != id) continue;
        if (auto* link = process_.loop().find_io_source<IsolateLink>()) set_port_owner(*link->shared, id, new_owner);
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

void PortHub::emit(uint32_t kind, uint32_t id, const std::shared_ptr<CloneNode>& message) {
    NodeProcess& p = process_;
    js::Isolate& isolate = p.isolate();
    js::Value dispatcher = js::get(isolate, js::Value::object(isolate.realm().global), "__looplabWorkerDispatch");
    if (!js::is_callable(dispatcher)) return;
    p.record(EventKind::Emit, Rule::None, p.intern(kind == kDispatchPortMessage ? "message" : "close"));
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
    // Port by port, as libuv runs the async handles; a port drains what was
    // queued when its turn came, each message its own callback.
    for (size_t i = 0; i < ports_.size(); i++) {
        if (!ports_[i].started || ports_[i].closed) continue;
        const uint32_t id = ports_[i].state->id;
        size_t count = ports_[i].state->queue.size();
        while (count-- > 0) {
            Port* port = find(id);
            if (port == nullptr || port->closed || port->state->queue.empty()) break;
            std::shared_ptr<CloneNode> message = std::move(port->state->queue.front());
            port->state->queue.pop_front();
            emit(kDispatchPortMessage, id, message);
        }
        Port* port = find(id);
        if (port != nullptr && port->state->peer_closed && port->state->queue.empty() && !port->closed) {
            port->closed = true;
            port->close_pending = true;
        }
    }
}

void PortHub::run_closing() {
    for (size_t i = 0; i < ports_.size(); i++) {
        if (!ports_[i].close_pending) continue;
        ports_[i].close_pending = false;
        emit(kDispatchPortClose, ports_[i].state->id, nullptr);
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
