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

std::string summary(const Event& e, const std::string& peer) {
    const MessageInfo info = unpack_message(e.a);
    std::string s = "message (" + std::string(message_payload_name(info.payload)) + ", ";
    s += std::to_string(e.b) + (e.b == 1 ? " byte) " : " bytes) ");
    s += e.kind == EventKind::MessagePost ? "to " : "from ";
    s += peer;
    s += route_text(info.route);
    return s;
}

}  // namespace

std::string message_summary(const Event& e) { return summary(e, thread_name(unpack_message(e.a).peer)); }

std::string message_summary(const Event& e, const Trace& trace) {
    const uint32_t peer = unpack_message(e.a).peer;
    const IsolateInfo* info = trace.isolate_info(peer);
    if (info == nullptr) return message_summary(e);
    return summary(e, info->kind == IsolateKind::Main ? std::string("the main thread") : info->name);
}

}  // namespace looplab::trace
