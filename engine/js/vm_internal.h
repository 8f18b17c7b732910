// Interpreter internals shared by vm*.cpp. Not an API.
#pragma once

#include <string>
#include <vector>

#include "engine/js/operations.h"
#include "engine/js/vm.h"

namespace looplab::js {

// An iterator record (the spec's { [[Iterator]], [[NextMethod]], [[Done]] }),
// kept in a frame temp. Arrays with the built-in iterator are walked by index.
struct IterRecord final : JsObject {
    IterRecord() : JsObject(nullptr, ObjectClass::Iterator) {}
    Value iterator;
    Value next;
    JsArray* array = nullptr;  // fast path
    uint32_t index = 0;
    bool done = false;
    bool is_async = false;
    bool sync_fallback = false;  // for-await over a sync iterable
    ResumeMode pending_mode = ResumeMode::Next;
    // for-in
    std::vector<Value> keys;
    JsObject* forin_object = nullptr;
    void trace(Tracer& tracer) override {
        JsObject::trace(tracer);
        tracer.mark(iterator);
        tracer.mark(next);
        tracer.mark(array);
        tracer.mark(forin_object);
        for (Value k : keys) tracer.mark(k);
    }
    size_t byte_size() const override { return sizeof(IterRecord) + keys.capacity() * sizeof(Value); }
};

enum class Outcome : uint8_t { Returned, Yielded, Awaited, Threw };
enum class ResumeKind : uint8_t { None, Start, Yield, Await };

// Helpers the dispatch loop calls on its slow paths (vm_runtime.cpp).
struct Dispatch {
    static Value run_loop(Interpreter& vm, Frame* entry);
    static Frame* enter_closure(Interpreter& vm, JsClosure* fn, Value this_value, const Value* args, uint32_t argc,
                                Value new_target, bool construct);
    static Value call_native(Interpreter& vm, JsFunction* fn, Value this_value, const Value* args, uint32_t argc,
                             Value new_target);
    static JsClosure* make_closure(Interpreter& vm, FunctionTemplate* t, Environment* env);
    static Value make_this_for_construct(Interpreter& vm, JsClosure* fn, Value new_target);
    static JsObject* make_arguments(Interpreter& vm, Frame* f);
    static Value create_class(Interpreter& vm, FunctionTemplate* t, Environment* env, bool has_heritage,
                              Value heritage, Value* proto_out);
    static void define_method(Interpreter& vm, JsObject* target, Value key, Value fn, uint32_t kind, bool enumerable);
    static Value get_super(Interpreter& vm, Value func, Value this_value, Value key);
    static void set_super(Interpreter& vm, Value func, Value this_value, Value key, Value v);
    static Value add_slow(Interpreter& vm, Value a, Value b);
    static bool less_than(Interpreter& vm, Value a, Value b, bool left_first, bool* undefined_result);
    static Value unary_bigint(Interpreter& vm, Opcode op, Value v);
    static bool truthy(Value v);
    static Value arith_slow(Interpreter& vm, Opcode op, Value a, Value b);
    static std::string describe_for_error(Interpreter& vm, Value v);
    static void check_iterable(Interpreter& vm, Value iterable, Value text);
    static Value get_iterator_record(Interpreter& vm, Value iterable, bool async);
    static bool iter_step(Interpreter& vm, IterRecord* rec, Value* out);
    static void iter_close(Interpreter& vm, IterRecord* rec);
    static bool async_iter_close_call(Interpreter& vm, IterRecord* rec, Value* out);
    static Value for_in_prepare(Interpreter& vm, Value obj);
    static bool for_in_step(Interpreter& vm, IterRecord* rec, Value* out);
    static void delegate_step(Interpreter& vm, IterRecord* rec, Value sent, int mode, Value* value, int* kind);
    static void async_delegate_step(Interpreter& vm, IterRecord* rec, Value sent, int mode, Value* value, int* kind);
    static void await_value(Interpreter& vm, JsSuspendable* holder, Value v);
    static void async_generator_drain(Interpreter& vm, JsSuspendable* gen);
    static void async_generator_settle(Interpreter& vm, JsSuspendable* gen, Outcome outcome, Value v);
    static Value resume_frame(Interpreter& vm, JsSuspendable* holder, Value sent, ResumeMode mode, Outcome* outcome);
    [[noreturn]] static void throw_not_function(Interpreter& vm, Value callee, Value text_const);
    // Destructuring null/undefined; `shape` is the compiler's "<P|R><key>\n<source>" or empty.
    [[noreturn]] static void throw_destructure_error(Interpreter& vm, Value value, Value shape);
};

}  // namespace looplab::js
