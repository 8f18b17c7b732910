#include "engine/node/process_events.h"

#include "engine/js/operations.h"
#include "engine/node/events.h"
#include "engine/node/process.h"

namespace looplab::node {

using js::Value;

js::JsObject* install_event_emitter_methods(NodeProcess& p) {
    js::Isolate& isolate = p.isolate();
    p.event_emitter_proto = event_emitter_prototype(isolate);
    return isolate.new_object_with_proto(p.event_emitter_proto);
}

// Through the JS-visible emit, so a program that patches process.emit sees
// Node's own emits too.
bool NodeProcess::emit(std::string_view event, std::span<const Value> args) {
    std::vector<Value> all{isolate_->intern(event)};
    all.insert(all.end(), args.begin(), args.end());
    const Value r = js::call_method(*isolate_, Value::object(process_object), "emit", all);
    return js::to_boolean(r);
}

size_t NodeProcess::listener_count(std::string_view event) {
    Value name = isolate_->intern(event);
    const Value r = js::call_method(*isolate_, Value::object(process_object), "listenerCount",
                                    std::span<const Value>(&name, 1));
    return r.is_number() ? size_t(r.as_number()) : 0;
}

}  // namespace looplab::node
