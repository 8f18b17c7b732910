// TCP over the simulated loopback for one process: libuv's uv_tcp_t as
// looplab models it. It owns the process's sim::Network, knows which JS
// object (a net.Server or net.Socket handle) or native peer (the --load
// generator) owns each listener and endpoint, and turns the network's
// arrival times into poll-phase events (NetIo) and close callbacks
// (close-callbacks phase). The JS side is engine/node/lib/net.js; the
// binding's functions are listed in docs/io.md.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/node/event_loop.h"
#include "engine/sim/network.h"

namespace looplab::node {

class NodeProcess;

// Something native at one end of a connection (the load generator).
class NativePeer {
public:
    virtual ~NativePeer() = default;
    virtual void on_connect(NodeProcess& p, sim::EndpointId id, int status) = 0;
    virtual void on_data(NodeProcess& p, sim::EndpointId id, std::string_view bytes) = 0;
    virtual void on_end(NodeProcess& p, sim::EndpointId id) = 0;
};

// An IoSource only for its lifetime and liveness (the loop owns it, so it
// dies before the heap); its events travel through NetIo.
class TcpHost final : public IoSource {
public:
    static TcpHost& of(NodeProcess& process);
    explicit TcpHost(NodeProcess& process);
    ~TcpHost() override;
    TcpHost(const TcpHost&) = delete;
    TcpHost& operator=(const TcpHost&) = delete;

    sim::Network& network() { return network_; }

    // ---- listeners ----
    // Returns the listener id (> 0) or a negative errno. `http` tells the
    // load generator what to send.
    int64_t listen(js::Value owner, uint16_t port, bool http);
    uint16_t listener_port(sim::ListenerId id) const;
    bool listener_is_http(uint16_t port) const;
    // Stops listening now; `callback` runs in the close-callbacks phase.
    void close_listener(sim::ListenerId id, js::Value callback);
    // Runs once, when the first listener of the run starts listening.
    std::function<void(NodeProcess&, uint16_t port)> on_first_listen;
    // Every listener stops keeping the loop alive (server.unref()).
    void unref_listeners();
    // Keeps a native peer alive as long as the network.
    void keep_peer(std::unique_ptr<NativePeer> peer) { peers_.push_back(std::move(peer)); }

    // ---- endpoints ----
    // Connects `owner` (JS: onconnect(status) later) or `peer` (native).
    // Returns the endpoint id, 0 when the connection is refused.
    sim::EndpointId connect(js::Value owner, NativePeer* peer, uint16_t port);
    // An accepted endpoint gets its JS owner (its onread receives data).
    void adopt(sim::EndpointId id, js::Value owner);
    // Returns 0 or a negative errno (EPIPE after shutdown, EBADF when closed).
    int write(sim::EndpointId id, std::string bytes);
    // Half-close; `callback(status)` runs in the next poll phase.
    int shutdown(sim::EndpointId id, js::Value callback);
    // Closes the endpoint; `callback` runs in the close-callbacks phase.
    void close(sim::EndpointId id, js::Value callback);
    // uv_ref / uv_unref of a listener or an endpoint.
    void set_ref(uint32_t id, bool listener, bool ref);

    // ---- IoSource ----
    bool active() const override { return refed_ > 0; }
    std::optional<uint64_t> next_ready_ns() const override { return std::nullopt; }
    void deliver(uint64_t) override {}
    std::string_view blocked_hint() const override {
        return listeners_.empty() ? std::string_view()
                                  : "a listening server waits for connections no client will make "
                                    "(close it, unref it, or run with --load RATE)";
    }

private:
    struct Listener {
        js::Value owner;
        bool refed = false;  // set through change_ref, which counts it
        bool http = false;
    };
    struct Endpoint {
        js::Value owner;  // undefined until adopted (accepted) or for native peers
        NativePeer* native = nullptr;
        bool refed = false;  // set through change_ref, which counts it
        bool eof_delivered = false;
    };
    void change_ref(bool& flag, bool ref);
    void record_ref(std::string_view what, bool ref);
    void schedule_accept(const sim::Network::Connection& c, uint64_t at_ns);
    void schedule_read(sim::EndpointId id, uint64_t at_ns);
    void deliver_reads(sim::EndpointId id);
    void call_owner(js::Value owner, std::string_view method, std::vector<js::Value> args);

    NodeProcess& process_;
    sim::Network network_;
    std::map<sim::ListenerId, Listener> listeners_;
    std::map<sim::EndpointId, Endpoint> endpoints_;
    uint32_t refed_ = 0;
    bool listened_once_ = false;
    std::vector<std::unique_ptr<NativePeer>> peers_;
    size_t root_handle_ = 0;
};

// binding.tcp*: the natives engine/node/lib/net.js calls.
void install_tcp_binding(js::Isolate& isolate, js::JsObject* binding);

}  // namespace looplab::node
