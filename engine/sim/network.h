// The simulated loopback network (DESIGN.md principle 7: no real sockets,
// ever). It knows ports, listeners and connections, and carries bytes
// between the two endpoints of a connection in virtual time; it runs no
// callbacks. Its owner (engine/node/binding_tcp.cpp) asks it what happens
// and when, and delivers those moments through the event loop's poll phase.
//
// Everything is named by integer ids, never by pointers, so that a later
// owner can hand an accepted endpoint to another isolate by id (docs/io.md).
// Ports, ids and arrival times depend only on the order of calls and the
// virtual times given, so the same program always sees the same network.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace looplab::sim {

using ListenerId = uint32_t;
using EndpointId = uint32_t;

// libuv's negative errno values, as Node reports them in `err.errno`.
enum class NetStatus : int {
    Ok = 0,
    AddrInUse = -98,     // EADDRINUSE
    ConnRefused = -111,  // ECONNREFUSED
    NotConnected = -107, // ENOTCONN: the endpoint is closed or already shut down
    PortsExhausted = -99 // EADDRNOTAVAIL: no ephemeral port left
};

struct NetTiming {
    uint64_t hop_ns = 50'000;  // one way across the loopback
    uint64_t byte_ns = 1;      // per byte carried
};

// Bytes (or the end of the stream, `fin`) travelling to one endpoint.
struct Segment {
    uint64_t arrival_ns = 0;
    std::string bytes;
    bool fin = false;
};

class Network {
public:
    // Linux's default ephemeral range (/proc/sys/net/ipv4/ip_local_port_range);
    // looplab hands its ports out in order from the bottom, so they are the
    // same on every run.
    static constexpr uint16_t kFirstEphemeralPort = 32768;
    static constexpr uint16_t kLastEphemeralPort = 60999;
    // Open endpoints at once (a limit, not a model of the kernel's).
    static constexpr size_t kMaxEndpoints = 100'000;

    explicit Network(NetTiming timing) : timing_(timing) {}

    struct Listening {
        NetStatus status = NetStatus::Ok;
        ListenerId id = 0;
        uint16_t port = 0;
    };
    // Binds `port` (0: the next free ephemeral port) and listens on it.
    Listening listen(uint16_t port);
    void unlisten(ListenerId id);
    bool listening(uint16_t port) const { return listeners_by_port_.count(port) != 0; }
    uint16_t listener_port(ListenerId id) const {
        auto it = listener_ports_.find(id);
        return it == listener_ports_.end() ? 0 : it->second;
    }
    // The lowest port with a listener (what `--load` targets).
    std::optional<uint16_t> first_listening_port() const;

    struct Connection {
        NetStatus status = NetStatus::Ok;
        EndpointId client = 0;        // the connecting side
        EndpointId server = 0;        // the side the listener accepts
        ListenerId listener = 0;
        uint64_t established_ns = 0;  // the handshake's end: accept and connect complete
    };
    // A connect to `port` at `now_ns`: refused when nothing listens there.
    Connection connect(uint16_t port, uint64_t now_ns);

    // Queues bytes from `from` to its peer; returns their arrival time, or
    // nothing when `from` can no longer send (closed or shut down).
    std::optional<uint64_t> send(EndpointId from, std::string bytes, uint64_t now_ns);
    // Half-close: the peer reads the end of the stream after every byte sent before.
    std::optional<uint64_t> shutdown(EndpointId from, uint64_t now_ns);
    // Closes `id`: sends the end of the stream if it was not sent yet (the
    // returned arrival time), and drops what it had not read.
    std::optional<uint64_t> close(EndpointId id, uint64_t now_ns);

    // Removes and returns what has reached `id` by `now_ns`, in order.
    std::vector<Segment> receive(EndpointId id, uint64_t now_ns);

    struct EndpointInfo {
        uint16_t local_port = 0;
        uint16_t remote_port = 0;
        EndpointId peer = 0;
        bool open = false;
        bool sent_fin = false;
    };
    EndpointInfo info(EndpointId id) const;
    size_t open_endpoints() const { return endpoints_.size(); }

private:
    struct Endpoint {
        uint16_t local_port = 0;
        uint16_t remote_port = 0;
        EndpointId peer = 0;
        bool sent_fin = false;
        bool owns_port = false;  // the connecting side took its port from the ephemeral range
        uint64_t last_arrival_ns = 0;  // keeps each direction first-in first-out
        std::deque<Segment> inbound;
    };
    std::optional<uint16_t> take_ephemeral_port();
    bool port_in_use(uint16_t port) const;
    Endpoint* find(EndpointId id);
    std::optional<uint64_t> transmit(EndpointId from, Segment segment, uint64_t now_ns);

    NetTiming timing_;
    std::map<uint16_t, ListenerId> listeners_by_port_;
    std::map<ListenerId, uint16_t> listener_ports_;
    std::map<EndpointId, Endpoint> endpoints_;
    std::map<uint16_t, uint32_t> bound_ports_;  // client ports in use, with their endpoint count
    ListenerId next_listener_ = 1;
    EndpointId next_endpoint_ = 1;
    uint16_t next_ephemeral_ = kFirstEphemeralPort;
};

}  // namespace looplab::sim
