#include "engine/sim/network.h"

namespace looplab::sim {

bool Network::port_in_use(uint16_t port) const {
    return listeners_by_port_.count(port) != 0 || bound_ports_.count(port) != 0;
}

// Walks the ephemeral range once from where it last stopped, as the kernel's
// port allocator does, skipping ports in use.
std::optional<uint16_t> Network::take_ephemeral_port() {
    const uint32_t range = uint32_t(kLastEphemeralPort) - kFirstEphemeralPort + 1;
    for (uint32_t tries = 0; tries < range; tries++) {
        const uint16_t port = next_ephemeral_;
        next_ephemeral_ = port == kLastEphemeralPort ? kFirstEphemeralPort : uint16_t(port + 1);
        if (!port_in_use(port)) return port;
    }
    return std::nullopt;
}

Network::Listening Network::listen(uint16_t port) {
    Listening result;
    if (port == 0) {
        const std::optional<uint16_t> free = take_ephemeral_port();
        if (!free) {
            result.status = NetStatus::PortsExhausted;
            return result;
        }
        port = *free;
    } else if (port_in_use(port)) {
        result.status = NetStatus::AddrInUse;
        return result;
    }
    result.id = next_listener_++;
    result.port = port;
    listeners_by_port_[port] = result.id;
    listener_ports_[result.id] = port;
    return result;
}

void Network::unlisten(ListenerId id) {
    auto it = listener_ports_.find(id);
    if (it == listener_ports_.end()) return;
    listeners_by_port_.erase(it->second);
    listener_ports_.erase(it);
}

std::optional<uint16_t> Network::first_listening_port() const {
    if (listeners_by_port_.empty()) return std::nullopt;
    return listeners_by_port_.begin()->first;
}

// On the loopback the three-way handshake takes one round trip: the client
// learns it is connected, and the listener has a connection to accept, one
// hop after the SYN left (the kernel completes it without the server's code).
Network::Connection Network::connect(uint16_t port, uint64_t now_ns) {
    Connection c;
    c.established_ns = now_ns + timing_.hop_ns;
    auto listener = listeners_by_port_.find(port);
    if (listener == listeners_by_port_.end()) {
        c.status = NetStatus::ConnRefused;
        return c;
    }
    if (endpoints_.size() + 2 > kMaxEndpoints) {
        c.status = NetStatus::PortsExhausted;
        return c;
    }
    const std::optional<uint16_t> local = take_ephemeral_port();
    if (!local) {
        c.status = NetStatus::PortsExhausted;
        return c;
    }
    c.listener = listener->second;
    c.client = next_endpoint_++;
    c.server = next_endpoint_++;
    Endpoint& client = endpoints_[c.client];
    client.local_port = *local;
    client.remote_port = port;
    client.peer = c.server;
    client.owns_port = true;
    client.last_arrival_ns = c.established_ns;
    Endpoint& server = endpoints_[c.server];
    server.local_port = port;
    server.remote_port = *local;
    server.peer = c.client;
    server.last_arrival_ns = c.established_ns;
    bound_ports_[*local]++;
    return c;
}

Network::Endpoint* Network::find(EndpointId id) {
    auto it = endpoints_.find(id);
    return it == endpoints_.end() ? nullptr : &it->second;
}

// A segment reaches the peer one hop plus its bytes' cost later, never
// before one sent earlier in the same direction. A peer that closed drops it.
std::optional<uint64_t> Network::transmit(EndpointId from, Segment segment, uint64_t now_ns) {
    Endpoint* sender = find(from);
    if (sender == nullptr || sender->sent_fin) return std::nullopt;
    uint64_t arrival = now_ns + timing_.hop_ns + timing_.byte_ns * segment.bytes.size();
    if (arrival < sender->last_arrival_ns) arrival = sender->last_arrival_ns;
    sender->last_arrival_ns = arrival;
    if (segment.fin) sender->sent_fin = true;
    segment.arrival_ns = arrival;
    if (Endpoint* peer = find(sender->peer)) peer->inbound.push_back(std::move(segment));
    return arrival;
}

std::optional<uint64_t> Network::send(EndpointId from, std::string bytes, uint64_t now_ns) {
    Segment s;
    s.bytes = std::move(bytes);
    return transmit(from, std::move(s), now_ns);
}

std::optional<uint64_t> Network::shutdown(EndpointId from, uint64_t now_ns) {
    Segment s;
    s.fin = true;
    return transmit(from, std::move(s), now_ns);
}

std::optional<uint64_t> Network::close(EndpointId id, uint64_t now_ns) {
    Endpoint* e = find(id);
    if (e == nullptr) return std::nullopt;
    std::optional<uint64_t> fin_arrival;
    if (!e->sent_fin) fin_arrival = shutdown(id, now_ns);
    if (e->owns_port) {
        auto bound = bound_ports_.find(e->local_port);
        if (bound != bound_ports_.end() && --bound->second == 0) bound_ports_.erase(bound);
    }
    endpoints_.erase(id);
    return fin_arrival;
}

std::vector<Segment> Network::receive(EndpointId id, uint64_t now_ns) {
    std::vector<Segment> out;
    Endpoint* e = find(id);
    if (e == nullptr) return out;
    while (!e->inbound.empty() && e->inbound.front().arrival_ns <= now_ns) {
        out.push_back(std::move(e->inbound.front()));
        e->inbound.pop_front();
    }
    return out;
}

Network::EndpointInfo Network::info(EndpointId id) const {
    EndpointInfo i;
    auto it = endpoints_.find(id);
    if (it == endpoints_.end()) return i;
    i.local_port = it->second.local_port;
    i.remote_port = it->second.remote_port;
    i.peer = it->second.peer;
    i.open = true;
    i.sent_fin = it->second.sent_fin;
    return i;
}

}  // namespace looplab::sim
