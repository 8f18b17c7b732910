#include "engine/node/broadcast_channel.h"

#include <algorithm>

#include "engine/js/operations.h"
#include "engine/js/vm.h"
#include "engine/node/message_port.h"
#include "engine/node/process.h"
#include "engine/node/structured_clone.h"
#include "engine/node/worker.h"

namespace looplab::node {

namespace {

using namespace js;
using Members = std::vector<std::pair<uint32_t, uint32_t>>;  // {isolate, port}

// The isolate of the main thread of `link`'s process.
uint32_t process_root(WorldShared& shared, uint32_t isolate) {
    const auto it = shared.process_roots.find(isolate);
    return it != shared.process_roots.end() ? it->second : isolate;
}

// Runs `body` on this process's member list of `name`, in turn.
template <typename F>
void with_members(NodeProcess& p, const std::string& name, F&& body) {
    IsolateLink& link = isolate_link(p);
    link.shared->world->take_turn(link.id, p.now_ns());
    std::lock_guard lock(link.shared->ports_mutex);
    body(link.shared->broadcast_members[{process_root(*link.shared, link.id), name}], link.id);
}

// binding.bcJoin(name) -> the id of the port that receives for the channel.
Value bc_join(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const std::string name = to_string(isolate, call.arg(0));
    PortHub& hub = port_hub(p);
    const uint32_t port = hub.create_channel().first;
    // Node's BroadcastChannel is started and referenced from the start: an
    // open channel keeps the loop alive, listener or not.
    hub.set_started(port);
    hub.set_refed(port, true);
    with_members(p, name, [&](Members& members, uint32_t self) { members.emplace_back(self, port); });
    return Value::number(port);
}

// binding.bcPost(port, name, value): one copy to every other member.
Value bc_post(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const uint32_t from = uint32_t(to_number(isolate, call.arg(0)));
    const std::string name = to_string(isolate, call.arg(1));
    const auto node = std::make_shared<CloneNode>(serialize_value(isolate, call.arg(2)));
    const size_t bytes = clone_size(*node);
    Members receivers;
    with_members(p, name, [&](Members& members, uint32_t) { receivers = members; });
    PortHub& hub = port_hub(p);
    for (const auto& [owner, port] : receivers) {
        if (port == from) continue;
        p.charge(bytes * p.costs().worker_message_byte_ns);
        hub.send_to(port, owner, std::make_shared<CloneNode>(*node), bytes);
    }
    return Value::undefined();
}

// binding.bcLeave(port, name): the channel closes and gets no more messages.
Value bc_leave(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const uint32_t port = uint32_t(to_number(isolate, call.arg(0)));
    with_members(p, to_string(isolate, call.arg(1)), [&](Members& members, uint32_t self) {
        std::erase(members, std::make_pair(self, port));
    });
    port_hub(p).close(port);
    return Value::undefined();
}

}  // namespace

void add_broadcast_natives(Isolate& isolate, JsObject* binding) {
    isolate.define_method(binding, "bcJoin", bc_join, 1);
    isolate.define_method(binding, "bcPost", bc_post, 3);
    isolate.define_method(binding, "bcLeave", bc_leave, 2);
}

}  // namespace looplab::node
