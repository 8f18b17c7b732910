#include "engine/node/binding_tcp.h"

#include "engine/js/operations.h"
#include "engine/node/module_net.h"
#include "engine/node/process.h"
#include "engine/node/threadpool_support.h"

namespace looplab::node {

using js::Value;
using sim::EndpointId;

namespace {
constexpr int kEpipe = -32;
constexpr int kEbadf = -9;

void run_close_callback(NodeProcess& p, Value callback) {
    if (!js::is_callable(callback)) return;
    p.callback_scope([&] { p.call_callback(callback, Value::undefined(), {}, trace::Rule::CloseCallbacksPhase); });
}
}  // namespace

TcpHost& TcpHost::of(NodeProcess& process) {
    if (TcpHost* host = process.loop().find_io_source<TcpHost>()) return *host;
    NetIo::of(process);  // registered first: it delivers this host's events
    auto host = std::make_unique<TcpHost>(process);
    TcpHost& ref = *host;
    process.loop().add_io_source(std::move(host));
    return ref;
}

TcpHost::TcpHost(NodeProcess& process)
    : process_(process), network_(sim::NetTiming{process.costs().net_hop_ns, process.costs().net_byte_ns}) {
    root_handle_ = process_.isolate().heap().add_root_source([this](js::Tracer& t) {
        for (const auto& [id, l] : listeners_) t.mark(l.owner);
        for (const auto& [id, e] : endpoints_) t.mark(e.owner);
    });
}

TcpHost::~TcpHost() { process_.isolate().heap().remove_root_source(root_handle_); }

// A referenced handle keeps the loop alive (uv_ref). New handles start
// referenced; only an explicit ref()/unref() is a trace event.
void TcpHost::change_ref(bool& flag, bool ref) {
    if (flag == ref) return;
    flag = ref;
    if (ref) refed_++;
    else refed_--;
}

void TcpHost::record_ref(std::string_view what, bool ref) {
    if (!process_.tracing()) return;
    trace::Item item;
    item.queue = trace::QueueKind::Pending;
    item.label = process_.intern(what);
    const uint32_t id = process_.trace()->add_item(item);
    process_.record(trace::EventKind::HandleRef,
                    ref ? trace::Rule::ListeningServerKeepsLoopAlive : trace::Rule::UnrefDoesNotKeepAlive, id,
                    ref ? 1 : 0);
}

void TcpHost::call_owner(Value owner, std::string_view method, std::vector<Value> args) {
    if (!owner.is_object()) return;
    process_.callback_scope([&] {
        Value fn = js::get(process_.isolate(), owner, method);
        if (js::is_callable(fn)) process_.call_callback(fn, owner, args, trace::Rule::SocketReadyInPoll, method);
    });
}

// ---- listeners ----

int64_t TcpHost::listen(Value owner, uint16_t port, bool http) {
    const sim::Network::Listening l = network_.listen(port);
    if (l.status != sim::NetStatus::Ok) return int64_t(l.status);
    Listener& entry = listeners_[l.id];
    entry.owner = owner;
    entry.http = http;
    change_ref(entry.refed, true);
    if (!listened_once_) {
        listened_once_ = true;
        if (on_first_listen) on_first_listen(process_, l.port);
    }
    return l.id;
}

uint16_t TcpHost::listener_port(sim::ListenerId id) const { return network_.listener_port(id); }

bool TcpHost::listener_is_http(uint16_t port) const {
    for (const auto& [id, l] : listeners_) {
        if (network_.listener_port(id) == port) return l.http;
    }
    return false;
}

void TcpHost::close_listener(sim::ListenerId id, Value callback) {
    auto it = listeners_.find(id);
    if (it == listeners_.end()) return;
    network_.unlisten(id);
    change_ref(it->second.refed, false);
    listeners_.erase(it);
    NetIo::of(process_).queue_close("server close", [callback](NodeProcess& p) { run_close_callback(p, callback); },
                                    {callback});
}

void TcpHost::unref_listeners() {
    for (auto& [id, l] : listeners_) {
        if (l.refed) record_ref("server on port " + std::to_string(network_.listener_port(id)), false);
        change_ref(l.refed, false);
    }
}

// ---- connections ----

EndpointId TcpHost::connect(Value owner, NativePeer* peer, uint16_t port) {
    const uint64_t now = process_.now_ns();
    const sim::Network::Connection c = network_.connect(port, now);
    NetIo& io = NetIo::of(process_);
    if (c.status != sim::NetStatus::Ok) {
        // The refusal (a RST on the loopback) comes back after one hop.
        const int status = int(c.status);
        io.schedule(c.established_ns, "connect refused", [this, owner, peer, status](NodeProcess& p) {
            if (peer != nullptr) peer->on_connect(p, 0, status);
            else call_owner(owner, "onconnect", {Value::number(status)});
        }, {owner});
        return 0;
    }
    Endpoint& client = endpoints_[c.client];
    client.owner = owner;
    client.native = peer;
    change_ref(client.refed, true);
    schedule_accept(c, c.established_ns);
    const EndpointId id = c.client;
    io.schedule(c.established_ns, "connect", [this, id](NodeProcess& p) {
        auto it = endpoints_.find(id);
        if (it == endpoints_.end()) return;
        if (it->second.native != nullptr) it->second.native->on_connect(p, id, 0);
        else call_owner(it->second.owner, "onconnect", {Value::number(0)});
    });
    return c.client;
}

// The listener's socket becomes readable: onconnection(id) runs in poll
// (before the client's connect callback: the kernel queued it first).
void TcpHost::schedule_accept(const sim::Network::Connection& c, uint64_t at_ns) {
    Endpoint& server = endpoints_[c.server];
    change_ref(server.refed, true);
    const EndpointId id = c.server;
    const sim::ListenerId listener = c.listener;
    NetIo::of(process_).schedule(at_ns, "connection", [this, id, listener](NodeProcess&) {
        auto l = listeners_.find(listener);
        if (l == listeners_.end()) {
            // The server closed before accepting: the kernel resets the connection.
            close(id, Value::undefined());
            return;
        }
        call_owner(l->second.owner, "onconnection", {Value::number(id)});
    });
}

void TcpHost::adopt(EndpointId id, Value owner) {
    auto it = endpoints_.find(id);
    if (it == endpoints_.end()) return;
    it->second.owner = owner;
    // Bytes that arrived before the owner existed are read in the next poll.
    schedule_read(id, process_.now_ns());
}

void TcpHost::schedule_read(EndpointId id, uint64_t at_ns) {
    NetIo::of(process_).schedule(at_ns, "socket readable", [this, id](NodeProcess&) { deliver_reads(id); });
}

// uv__read: everything that arrived by now is one chunk (the kernel
// coalesces), then the end of the stream if it came too.
void TcpHost::deliver_reads(EndpointId id) {
    auto it = endpoints_.find(id);
    if (it == endpoints_.end()) return;
    if (!it->second.owner.is_object() && it->second.native == nullptr) return;  // not accepted yet
    std::string bytes;
    bool fin = false;
    for (sim::Segment& s : network_.receive(id, process_.now_ns())) {
        bytes += s.bytes;
        fin = fin || s.fin;
    }
    if (!bytes.empty()) {
        if (it->second.native != nullptr) it->second.native->on_data(process_, id, bytes);
        else call_owner(it->second.owner, "onread", {new_buffer_value(process_.isolate(), bytes)});
    }
    it = endpoints_.find(id);  // the callback may have closed it
    if (!fin || it == endpoints_.end() || it->second.eof_delivered) return;
    it->second.eof_delivered = true;
    if (it->second.native != nullptr) it->second.native->on_end(process_, id);
    else call_owner(it->second.owner, "onread", {Value::null()});
}

int TcpHost::write(EndpointId id, std::string bytes) {
    if (endpoints_.count(id) == 0) return kEbadf;
    const EndpointId peer = network_.info(id).peer;
    const std::optional<uint64_t> arrival = network_.send(id, std::move(bytes), process_.now_ns());
    if (!arrival) return kEpipe;
    if (endpoints_.count(peer) != 0) schedule_read(peer, *arrival);
    return 0;
}

// uv_shutdown: the FIN leaves when poll next finds the socket writable
// (uv__drain), and the request's callback runs right then.
int TcpHost::shutdown(EndpointId id, Value callback) {
    const sim::Network::EndpointInfo info = network_.info(id);
    if (!info.open) return kEbadf;
    if (info.sent_fin) return kEpipe;
    NetIo::of(process_).schedule(process_.now_ns(), "shutdown", [this, id, callback](NodeProcess& p) {
        const EndpointId peer = network_.info(id).peer;
        const std::optional<uint64_t> arrival = network_.shutdown(id, p.now_ns());
        if (arrival && endpoints_.count(peer) != 0) schedule_read(peer, *arrival);
        if (js::is_callable(callback)) run_node_callback(p, callback, {Value::number(0)});
    }, {callback});
    return 0;
}

void TcpHost::close(EndpointId id, Value callback) {
    auto it = endpoints_.find(id);
    if (it == endpoints_.end()) return;
    const EndpointId peer = network_.info(id).peer;
    if (const std::optional<uint64_t> fin = network_.close(id, process_.now_ns())) {
        if (endpoints_.count(peer) != 0) schedule_read(peer, *fin);
    }
    change_ref(it->second.refed, false);
    endpoints_.erase(it);
    NetIo::of(process_).queue_close("socket close", [callback](NodeProcess& p) { run_close_callback(p, callback); },
                                    {callback});
}

void TcpHost::set_ref(uint32_t id, bool listener, bool ref) {
    if (listener) {
        if (auto it = listeners_.find(id); it != listeners_.end() && it->second.refed != ref) {
            record_ref("server on port " + std::to_string(network_.listener_port(id)), ref);
            change_ref(it->second.refed, ref);
        }
        return;
    }
    if (auto it = endpoints_.find(id); it != endpoints_.end() && it->second.refed != ref) {
        record_ref("socket", ref);
        change_ref(it->second.refed, ref);
    }
}

}  // namespace looplab::node
