// The records behind promises (ECMAScript 27.2.1), shared by promise.cpp
// (the abstract operations) and builtins_promise.cpp (the JS-visible API).
#pragma once

#include <vector>

#include "engine/js/promise.h"

namespace looplab::js {

// 27.2.1.1 PromiseCapability Record. When resolve/reject are undefined the
// capability settles `promise` directly (a %Promise% made by the engine
// whose resolving functions nobody else can see, so skipping them is
// unobservable).
struct PromiseCapability final : GcCell {
    PromiseCapability() : GcCell(CellKind::Internal) {}
    Value promise;
    Value resolve;
    Value reject;
    void trace(Tracer& t) override {
        t.mark(promise);
        t.mark(resolve);
        t.mark(reject);
    }
    size_t byte_size() const override { return sizeof(PromiseCapability); }
};

// 27.2.1.2 PromiseReaction Record.
enum class ReactionType : uint8_t { Fulfill, Reject };
struct PromiseReaction {
    PromiseCapability* capability = nullptr;  // null: nothing observes the result
    ReactionType type = ReactionType::Fulfill;
    Value handler;  // a callable, or undefined for the spec's "empty"
};

// A promise instance (27.2.6): [[PromiseState]], [[PromiseResult]],
// [[PromiseFulfillReactions]], [[PromiseRejectReactions]], [[PromiseIsHandled]].
struct JsPromise final : JsObject {
    explicit JsPromise(JsObject* prototype) : JsObject(prototype, ObjectClass::Promise) {}
    PromiseState state = PromiseState::Pending;
    Value result;
    std::vector<PromiseReaction> fulfill_reactions;
    std::vector<PromiseReaction> reject_reactions;
    bool is_handled = false;

    void trace(Tracer& t) override {
        JsObject::trace(t);
        t.mark(result);
        for (const auto* list : {&fulfill_reactions, &reject_reactions}) {
            for (const PromiseReaction& r : *list) {
                t.mark(r.capability);
                t.mark(r.handler);
            }
        }
    }
    size_t byte_size() const override {
        return sizeof(JsPromise) + (fulfill_reactions.capacity() + reject_reactions.capacity()) * sizeof(PromiseReaction);
    }
};

// 27.2.1.3 CreateResolvingFunctions: the [[AlreadyResolved]] record both
// functions share.
struct ResolvingRecord final : GcCell {
    ResolvingRecord() : GcCell(CellKind::Internal) {}
    JsObject* promise = nullptr;
    bool already_resolved = false;
    void trace(Tracer& t) override { t.mark(promise); }
    size_t byte_size() const override { return sizeof(ResolvingRecord); }
};

inline bool is_promise(Value v) { return v.is_object() && v.as_object()->cls == ObjectClass::Promise; }
inline JsPromise* as_promise(JsObject* o) { return static_cast<JsPromise*>(o); }

// New promise with the given prototype (OrdinaryCreateFromConstructor).
JsPromise* new_promise_with_proto(Isolate& isolate, JsObject* proto);
// 27.2.1.3 CreateResolvingFunctions; returns {resolve, reject}.
std::pair<JsFunction*, JsFunction*> create_resolving_functions(Isolate& isolate, JsObject* promise);
// 27.2.1.5 NewPromiseCapability(C). %Promise% gets a direct capability
// unless `need_functions` asks for real resolving functions.
PromiseCapability* new_promise_capability(Isolate& isolate, Value constructor, bool need_functions = false);
// Settles a capability: Call(capability.[[Resolve]] or [[Reject]], undefined, «value»).
void capability_resolve(Isolate& isolate, PromiseCapability* capability, Value value);
void capability_reject(Isolate& isolate, PromiseCapability* capability, Value reason);
// 27.2.5.4.1 PerformPromiseThen with a full capability (null = none).
void perform_promise_then_capability(Isolate& isolate, JsObject* promise, Value on_fulfilled, Value on_rejected,
                                     PromiseCapability* capability);
// 27.2.4.7.1 PromiseResolve(C, x).
Value promise_resolve_with(Isolate& isolate, Value constructor, Value x);
// 7.3.22 SpeciesConstructor(O, %Promise%).
Value promise_species_constructor(Isolate& isolate, JsObject* promise);

}  // namespace looplab::js
