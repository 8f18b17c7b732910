// binding.tcp*: what engine/node/lib/net.js calls (the list is in docs/io.md).
// Handles are plain integer ids; results are ids or negative errnos, as
// libuv returns them.
#include "engine/js/operations.h"
#include "engine/node/binding_tcp.h"
#include "engine/node/process.h"
#include "engine/node/threadpool_support.h"  // bytes_arg

namespace looplab::node {
namespace {

using js::CallArgs;
using js::Isolate;
using js::Value;

TcpHost& host(Isolate& isolate) { return TcpHost::of(process_of(isolate)); }

uint32_t id_arg(Isolate& isolate, const CallArgs& call, size_t index) {
    return uint32_t(js::to_number(isolate, call.arg(index)));
}

// tcpListen(owner, port, isHttp) -> listener id | negative errno
Value tcp_listen(Isolate& isolate, const CallArgs& call) {
    const double port = js::to_number(isolate, call.arg(1));
    return Value::number(double(host(isolate).listen(call.arg(0), uint16_t(port), js::to_boolean(call.arg(2)))));
}

// tcpListenerPort(id) -> port
Value tcp_listener_port(Isolate& isolate, const CallArgs& call) {
    return Value::number(host(isolate).listener_port(id_arg(isolate, call, 0)));
}

// tcpCloseListener(id, callback): the callback runs in the close phase.
Value tcp_close_listener(Isolate& isolate, const CallArgs& call) {
    host(isolate).close_listener(id_arg(isolate, call, 0), call.arg(1));
    return Value::undefined();
}

// tcpConnect(owner, port) -> endpoint id (0: refused; owner.onconnect(errno) follows)
Value tcp_connect(Isolate& isolate, const CallArgs& call) {
    const double port = js::to_number(isolate, call.arg(1));
    return Value::number(host(isolate).connect(call.arg(0), nullptr, uint16_t(port)));
}

// tcpAdopt(id, owner): an accepted endpoint's reads go to owner.onread.
Value tcp_adopt(Isolate& isolate, const CallArgs& call) {
    host(isolate).adopt(id_arg(isolate, call, 0), call.arg(1));
    return Value::undefined();
}

// tcpWrite(id, stringOrBuffer) -> 0 | negative errno (completes at once)
Value tcp_write(Isolate& isolate, const CallArgs& call) {
    std::string bytes = bytes_arg(isolate, call.arg(1), "data");
    return Value::number(host(isolate).write(id_arg(isolate, call, 0), std::move(bytes)));
}

// tcpShutdown(id, callback) -> 0 | negative errno; callback(status) in poll
Value tcp_shutdown(Isolate& isolate, const CallArgs& call) {
    return Value::number(host(isolate).shutdown(id_arg(isolate, call, 0), call.arg(1)));
}

// tcpClose(id, callback): the callback runs in the close phase.
Value tcp_close(Isolate& isolate, const CallArgs& call) {
    host(isolate).close(id_arg(isolate, call, 0), call.arg(1));
    return Value::undefined();
}

// tcpRef(id, isListener, ref)
Value tcp_ref(Isolate& isolate, const CallArgs& call) {
    host(isolate).set_ref(id_arg(isolate, call, 0), js::to_boolean(call.arg(1)), js::to_boolean(call.arg(2)));
    return Value::undefined();
}

// tcpPorts(id) -> [localPort, remotePort]
Value tcp_ports(Isolate& isolate, const CallArgs& call) {
    const sim::Network::EndpointInfo info = host(isolate).network().info(id_arg(isolate, call, 0));
    std::vector<Value> ports{Value::number(info.local_port), Value::number(info.remote_port)};
    return Value::object(isolate.new_array_from(ports));
}

}  // namespace

void install_tcp_binding(Isolate& isolate, js::JsObject* binding) {
    isolate.define_method(binding, "tcpListen", tcp_listen, 3);
    isolate.define_method(binding, "tcpListenerPort", tcp_listener_port, 1);
    isolate.define_method(binding, "tcpCloseListener", tcp_close_listener, 2);
    isolate.define_method(binding, "tcpConnect", tcp_connect, 2);
    isolate.define_method(binding, "tcpAdopt", tcp_adopt, 2);
    isolate.define_method(binding, "tcpWrite", tcp_write, 2);
    isolate.define_method(binding, "tcpShutdown", tcp_shutdown, 2);
    isolate.define_method(binding, "tcpClose", tcp_close, 2);
    isolate.define_method(binding, "tcpRef", tcp_ref, 3);
    isolate.define_method(binding, "tcpPorts", tcp_ports, 1);
}

}  // namespace looplab::node
