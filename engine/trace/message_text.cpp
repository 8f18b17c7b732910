#include "engine/trace/message_text.h"

namespace looplab::trace {
namespace {

std::string thread_name(uint32_t isolate) {
    return isolate == 0 ? std::string("the main thread") : "isolate " + std::to_string(isolate);
}

std::string_view route_text(MessageRoute route) {
    switch (route) {
        case MessageRoute::Worker: return "";
        case MessageRoute::Port: return " over a MessagePort";
        case MessageRoute::Ipc: return " over the IPC channel";
    }
    return "";
}

}  // namespace

std::string message_summary(const Event& e) {
    const MessageInfo info = unpack_message(e.a);
    std::string s = "message (" + std::string(message_payload_name(info.payload)) + ", ";
    s += std::to_string(e.b) + (e.b == 1 ? " byte) " : " bytes) ");
    s += e.kind == EventKind::MessagePost ? "to " : "from ";
    s += thread_name(info.peer);
    s += route_text(info.route);
    return s;
}

}  // namespace looplab::trace
