// AbortController / AbortSignal (the subset timers/promises and scenarios
// use): abort listeners run synchronously, in registration order.
#pragma once

#include <vector>

#include "engine/js/isolate.h"
#include "engine/js/object.h"

namespace looplab::node {

class NodeProcess;

struct JsAbortSignal final : js::JsObject {
    explicit JsAbortSignal(js::JsObject* proto) : js::JsObject(proto, js::ObjectClass::Host) {}
    bool aborted = false;
    js::Value reason;
    struct Listener {
        js::Value callback;
        bool once = false;
        bool onabort = false;  // the onabort handler: its place is where it was first set
    };
    std::vector<Listener> listeners;
    void trace(js::Tracer& tracer) override {
        js::JsObject::trace(tracer);
        tracer.mark(reason);
        for (const Listener& l : listeners) tracer.mark(l.callback);
    }
    size_t byte_size() const override { return sizeof(JsAbortSignal) + listeners.capacity() * sizeof(Listener); }
};

JsAbortSignal* as_abort_signal(js::Value v);
// Installs AbortController and AbortSignal on the global object.
void install_abort_globals(NodeProcess& p);
// Adds a C++-side abort listener (a native function) to `signal`.
void add_abort_listener(js::Isolate& isolate, JsAbortSignal* signal, js::Value callback);
void remove_abort_listener(JsAbortSignal* signal, js::Value callback);
// new AbortError(undefined, { cause }) as lib/internal/errors.js builds it.
js::Value make_abort_error(js::Isolate& isolate, js::Value cause);

}  // namespace looplab::node
