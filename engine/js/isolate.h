// One JavaScript isolate: a heap, the realm's intrinsics, the interpreter's
// state, and the hooks through which the Node runtime model receives promise
// jobs. Everything that needs state takes the Isolate explicitly; there is
// no global VM.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/js/heap.h"
#include "engine/js/object.h"
#include "engine/js/value.h"

namespace looplab::js {

class Interpreter;  // engine/js/vm.h
class SharedMemoryHost;  // engine/js/shared_memory.h

enum class ErrorType : uint8_t {
    Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError,
};

// A JS exception in flight through C++ frames (natives, Isolate::call).
// The value is reachable while unwinding because no collection runs then.
struct JsException {
    Value value;
};

// A limit was reached (steps, virtual time, heap). Not catchable by JS: it
// ends the run with the message.
struct LimitExceeded {
    std::string message;
};

// The intrinsic objects of the realm. Installers in engine/js/builtins_*.cpp
// fill them in; anything that creates objects of a kind reads its prototype
// here.
struct Realm {
    JsObject* global = nullptr;
    JsObject* object_prototype = nullptr;
    JsObject* function_prototype = nullptr;
    JsObject* array_prototype = nullptr;
    JsObject* string_prototype = nullptr;
    JsObject* number_prototype = nullptr;
    JsObject* boolean_prototype = nullptr;
    JsObject* symbol_prototype = nullptr;
    JsObject* bigint_prototype = nullptr;
    JsObject* error_prototypes[8] = {};  // indexed by ErrorType
    JsObject* error_constructors[8] = {};
    JsObject* iterator_prototype = nullptr;  // %IteratorPrototype%
    JsObject* array_iterator_prototype = nullptr;
    JsObject* map_prototype = nullptr;
    JsObject* set_prototype = nullptr;
    JsObject* weakmap_prototype = nullptr;
    JsObject* weakset_prototype = nullptr;
    JsObject* map_iterator_prototype = nullptr;
    JsObject* set_iterator_prototype = nullptr;
    JsObject* string_iterator_prototype = nullptr;
    JsObject* regexp_prototype = nullptr;
    JsObject* date_prototype = nullptr;
    JsObject* promise_prototype = nullptr;
    JsObject* promise_constructor = nullptr;
    JsObject* generator_prototype = nullptr;        // %GeneratorFunction.prototype.prototype%
    JsObject* async_generator_prototype = nullptr;
    JsObject* async_iterator_prototype = nullptr;
    JsObject* generator_function_prototype = nullptr;  // %GeneratorFunction.prototype%
    JsObject* async_function_prototype = nullptr;
    JsObject* async_generator_function_prototype = nullptr;
    JsObject* array_buffer_prototype = nullptr;
    JsObject* uint8array_prototype = nullptr;
    JsObject* buffer_prototype = nullptr;  // Node's Buffer.prototype (inherits Uint8Array's)
    JsObject* typed_array_prototypes[12] = {};
    JsObject* throw_type_error = nullptr;

    void trace(Tracer& tracer) const;
};

// Well-known symbols.
struct WellKnownSymbols {
    JsSymbol* iterator = nullptr;
    JsSymbol* async_iterator = nullptr;
    JsSymbol* has_instance = nullptr;
    JsSymbol* to_primitive = nullptr;
    JsSymbol* to_string_tag = nullptr;
    JsSymbol* species = nullptr;
    JsSymbol* is_concat_spreadable = nullptr;
    JsSymbol* inspect_custom = nullptr;  // Symbol.for('nodejs.util.inspect.custom')
};

// What a promise job is: a callable plus arguments, run by the host.
struct PromiseJob {
    enum class Kind : uint8_t { Reaction, ResolveThenable } kind = Kind::Reaction;
    Value callback;     // the function to call (a reaction handler or thenable's then)
    Value argument;     // the argument (settled value), or the thenable
    Value capability;   // internal cell describing the derived promise (may be undefined)
    Value extra;        // kind-specific (e.g. the promise being resolved)
    uint64_t label = 0; // trace label id chosen by the host (function name/line), 0 if none
};

enum class RejectionOperation : uint8_t { Reject, Handle };

// The host (the Node runtime model) implements these, as the spec's
// HostEnqueuePromiseJob and HostPromiseRejectionTracker.
class HostHooks {
public:
    virtual ~HostHooks() = default;
    virtual void enqueue_promise_job(Isolate& isolate, PromiseJob job) = 0;
    virtual void promise_rejection_tracker(Isolate& isolate, JsObject* promise,
                                           RejectionOperation operation) = 0;
    // Milliseconds since the epoch on the virtual clock (Date.now()).
    virtual double now_ms(Isolate& isolate) = 0;
};

// Shared with a host thread that watches the run (the window): it may ask
// the run to stop, and sees roughly how far it got. The VM reads and writes
// it only at its safe points (every few thousand instructions).
struct RunControl {
    std::atomic<bool> cancel{false};
    std::atomic<uint64_t> steps{0};  // instructions run, all isolates, counted per safe-point interval
};

struct IsolateLimits {
    uint64_t max_steps = 5'000'000'000ULL;
    uint64_t max_heap_bytes = 1ULL << 30;
    uint32_t max_call_depth = 10'000;
    RunControl* control = nullptr;  // not owned; outlives the run
};

class Isolate {
public:
    explicit Isolate(IsolateLimits limits = {});
    ~Isolate();
    Isolate(const Isolate&) = delete;
    Isolate& operator=(const Isolate&) = delete;

    Heap& heap() { return heap_; }
    Realm& realm() { return realm_; }
    const WellKnownSymbols& symbols() const { return symbols_; }
    Interpreter& interpreter() { return *interpreter_; }
    const IsolateLimits& limits() const { return limits_; }
    uint32_t id = 0;  // isolate number in the world (0 = main thread of the first process)

    HostHooks* host = nullptr;
    // Orders Atomics operations between isolates (engine/js/shared_memory.h).
    SharedMemoryHost* shared_memory = nullptr;

    // ---- strings and keys ----
    // An interned string: equal texts give the same cell, so property keys
    // compare by bits.
    Value intern(std::string_view text);
    Value new_string(std::string text);  // not interned (e.g. computed text)
    Value concat(Value left_string, Value right_string);
    // The property key for a value: interned string or symbol; numbers
    // become canonical strings.
    Value to_property_key(Value v);

    // ---- object creation ----
    JsObject* new_object();  // with Object.prototype
    JsObject* new_object_with_proto(JsObject* proto);
    JsArray* new_array(size_t length = 0);
    JsArray* new_array_from(std::span<const Value> items);
    JsFunction* new_native_function(std::string_view name, NativeFn fn, int length,
                                    bool is_constructor = false);
    Value new_error(ErrorType type, std::string_view message);

    // Defines a non-enumerable method on an object (what installers use).
    JsFunction* define_method(JsObject* target, std::string_view name, NativeFn fn, int length);
    void define_value(JsObject* target, std::string_view name, Value value,
                      uint8_t flags = kHiddenFlags);
    void define_getter(JsObject* target, std::string_view name, NativeFn getter);

    // ---- exceptions ----
    [[noreturn]] void throw_value(Value v);
    [[noreturn]] void throw_error(ErrorType type, std::string_view message);
    [[noreturn]] void throw_type_error(std::string_view message) {
        throw_error(ErrorType::TypeError, message);
    }
    [[noreturn]] void throw_range_error(std::string_view message) {
        throw_error(ErrorType::RangeError, message);
    }

    // ---- calling into JS (implemented by the VM in engine/js/vm.cpp) ----
    // Throws JsException if the callee throws.
    Value call(Value callee, Value this_value, std::span<const Value> args);
    Value construct(Value callee, std::span<const Value> args, Value new_target);
    // "    at f (/path/file.js:3:5)" lines for the current JS stack, V8's format.
    std::string capture_stack_trace(size_t skip_frames = 0);

    // ---- GC ----
    // Called by the VM at safe points: collects if the heap asks for it and
    // enforces the heap limit.
    void maybe_collect();

    // Milliseconds on the virtual clock; 0 before a host is attached.
    double now_ms() { return host != nullptr ? host->now_ms(*this) : 0; }
    // Math.random and friends: a seeded generator, never the host's entropy.
    void seed_random(uint64_t seed) { random_state_ = seed ? seed : 0x9E3779B97F4A7C15ULL; }
    double next_random() {
        // xorshift64*: small, fast, and reproducible from the seed.
        random_state_ ^= random_state_ >> 12;
        random_state_ ^= random_state_ << 25;
        random_state_ ^= random_state_ >> 27;
        uint64_t r = random_state_ * 0x2545F4914F6CDD1DULL;
        return static_cast<double>(r >> 11) * (1.0 / 9007199254740992.0);
    }

    // A slot the host can use to find its own state from the isolate.
    void* host_data = nullptr;

private:
    void create_well_known_symbols();
    void trace_roots(Tracer& tracer);

    IsolateLimits limits_;
    Heap heap_;
    Realm realm_;
    WellKnownSymbols symbols_;
    std::unordered_map<std::string_view, JsString*> interned_;  // look-up only, never iterated
    std::unique_ptr<Interpreter> interpreter_;
    uint64_t random_state_ = 0x9E3779B97F4A7C15ULL;
};

}  // namespace looplab::js
