// The bytecode interpreter. Owned by the Isolate; frames live on the C++
// heap (never the C++ stack), so a JS call does not recurse in C++ and
// `await`/`yield` park a frame inside a heap object that a later job resumes.
//
// Re-entrancy: natives call back into JS through Isolate::call, which runs a
// nested dispatch loop bounded by IsolateLimits::max_call_depth. Garbage is
// collected only at safe points of the outermost dispatch loop, so natives
// may hold raw Values while they call back into JS.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/js/bytecode.h"
#include "engine/js/isolate.h"

namespace looplab::js {

// Captured variables of one scope; closures keep the chain alive.
struct Environment final : GcCell {
    Environment(Environment* parent_env, uint32_t n)
        : GcCell(CellKind::Internal), parent(parent_env), slots(n, Value::empty()) {}
    Environment* parent;
    std::vector<Value> slots;
    void trace(Tracer& tracer) override {
        tracer.mark(parent);
        for (Value v : slots) tracer.mark(v);
    }
    size_t byte_size() const override { return sizeof(Environment) + slots.size() * sizeof(Value); }
};

// A function compiled from JS: JsFunction with kind == FunctionKind::Closure.
struct JsClosure final : JsFunction {
    JsClosure(JsObject* proto, FunctionTemplate* t, Environment* e)
        : JsFunction(proto, FunctionKind::Closure), tmpl(t), env(e) {}
    FunctionTemplate* tmpl;
    Environment* env;
    JsObject* home_object = nullptr;  // methods: where `super` lookups start
    Value fields_init;                // class constructors: instance field initializer
    void trace(Tracer& tracer) override {
        JsFunction::trace(tracer);
        tracer.mark(tmpl);
        tracer.mark(env);
        tracer.mark(home_object);
        tracer.mark(fields_init);
    }
    size_t byte_size() const override { return JsFunction::byte_size() + 32; }
};

struct TryHandler {
    uint32_t handler_pc;
    Environment* env;
};

// One activation. Slots: [locals (slot 0 = this) | operand stack].
struct Frame {
    FunctionTemplate* tmpl = nullptr;
    JsClosure* callee = nullptr;
    Frame* caller = nullptr;  // the frame below on the JS stack (across nested runs)
    Environment* env = nullptr;
    std::unique_ptr<Value[]> slots;
    uint32_t capacity = 0;
    uint32_t pc = 0;    // saved program counter while not running
    uint32_t sp = 0;    // saved operand stack top (index into slots)
    Value new_target;
    std::vector<Value> argv;  // every actual argument, when kFnNeedsArgs
    std::vector<TryHandler> handlers;
    JsObject* owner = nullptr;  // generator / async holder that owns this frame
    bool is_entry = false;      // the dispatch loop that started it returns when it ends
    uint8_t resume_kind = 0;    // what a resume pushes (vm_internal.h ResumeKind)
    bool pc_is_return = false;  // pc is past a call instruction (caller frames)
    bool is_construct = false;
    uint32_t argc = 0;

    void trace(Tracer& tracer);
};

// Generator objects, async-generator objects and the hidden holders of
// async function frames.
struct JsSuspendable final : JsObject {
    enum class State : uint8_t { SuspendedStart, SuspendedYield, Running, Completed };
    enum class Kind : uint8_t { Generator, AsyncFunction, AsyncGenerator };
    JsSuspendable(JsObject* proto, ObjectClass cls, Kind k) : JsObject(proto, cls), kind(k) {}
    ~JsSuspendable() override;
    Kind kind;
    State state = State::SuspendedStart;
    Frame* frame = nullptr;      // owned
    JsObject* promise = nullptr; // async functions: the result promise
    // Async generators: queued requests {mode, value, promise}.
    struct Request {
        ResumeMode mode;
        Value value;
        JsObject* promise;
    };
    std::vector<Request> queue;
    bool awaiting_return = false;  // async generator draining a return request
    void trace(Tracer& tracer) override;
    size_t byte_size() const override;
};

// Where a throw happened, for node's uncaught-error header (file:line, the
// source line and a caret under the column).
struct ThrowPosition {
    bool valid = false;
    uint32_t script_id = 0;
    std::string filename;
    uint32_t line = 0;
    uint32_t column = 0;
    std::string source_line;
};

// Observer for the event-loop trace. Install with set_observer; while none is
// installed the interpreter pays nothing beyond one null test per statement.
class VmObserver {
public:
    virtual ~VmObserver() = default;
    // A statement boundary is about to execute.
    virtual void on_statement(uint32_t script_id, uint32_t line, uint32_t column) {}
    // A function was entered (closure frames and natives alike); `native` says which.
    virtual void on_call_enter(JsFunction* fn, bool native) {}
    // The most recent on_call_enter's function returned or unwound.
    virtual void on_call_exit(JsFunction* fn, bool native) {}
};

struct CompileError {
    std::string name = "SyntaxError";
    std::string message;
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t length = 1;
    std::string source_line;
};

// Parses `source` and compiles it as the body of a function with the given
// parameters (node's CommonJS wrapper: exports, require, module, __filename,
// __dirname). Returns a closure over the global scope, or null with *err
// filled on a syntax error.
JsFunction* compile_function_from_source(Isolate& isolate, std::string_view source,
                                         std::string_view filename,
                                         std::span<const std::string> param_names, CompileError* err);

// Creates %GeneratorPrototype%, %AsyncGeneratorPrototype% and the
// generator/async function prototypes with their next/return/throw natives.
// Idempotent; compile_function_from_source calls it when they are missing.
void install_vm_builtins(Isolate& isolate);

// Function.prototype.toString for closures: the text they were parsed from.
std::string closure_source_text(Isolate& isolate, JsFunction* fn);

// Generator.prototype.next/return/throw: the builtins install natives that
// call these. Throws TypeError when `generator` is not a generator object.
Value generator_resume(Isolate& isolate, Value generator, Value sent, ResumeMode mode);
// AsyncGenerator.prototype.next/return/throw: returns a promise.
Value async_generator_enqueue(Isolate& isolate, Value generator, Value sent, ResumeMode mode);

class Interpreter {
public:
    explicit Interpreter(Isolate& isolate);
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Reports the frames, stacks and other cells the interpreter holds.
    void trace_roots(Tracer& tracer);

    // Isolate::call / construct land here.
    Value call(Value callee, Value this_value, std::span<const Value> args);
    Value construct(Value callee, std::span<const Value> args, Value new_target);
    std::string capture_stack_trace(size_t skip_frames);

    // Resumes a parked frame (generators, await) and runs it until it yields,
    // awaits or returns. Used by generator_resume and the await callbacks.
    Value resume(JsSuspendable* holder, Value sent, ResumeMode mode, bool* yielded);

    uint64_t instructions_executed() const { return steps_; }
    void set_observer(VmObserver* observer) { observer_ = observer; }
    VmObserver* observer() const { return observer_; }

    // The position of the most recent throw (JS throw statement, or an error
    // raised by the VM or a native while JS code was running).
    const ThrowPosition& last_throw_position() const;

    // Scripts compiled into this isolate, by id.
    std::shared_ptr<Script> add_script(std::string filename, std::string source);
    const Script* script(uint32_t id) const;

    // Garbage is collected inside the outermost Isolate::call (at safe points
    // of its dispatch loop). A C++ caller that holds Values across such a
    // call which nothing else references (a dequeued promise job's derived
    // promise, say) must root them for the duration:
    //   RootScope keep(isolate.interpreter(), {job.capability, job.extra});
    class RootScope {
    public:
        RootScope(Interpreter& vm, std::initializer_list<Value> values) : vm_(vm), mark_(vm.temp_roots_.size()) {
            vm.temp_roots_.insert(vm.temp_roots_.end(), values.begin(), values.end());
        }
        ~RootScope() { vm_.temp_roots_.resize(mark_); }
        RootScope(const RootScope&) = delete;
        RootScope& operator=(const RootScope&) = delete;

    private:
        Interpreter& vm_;
        size_t mark_;
    };

    // Depth of JS frames currently on the stack.
    uint32_t depth() const { return depth_; }

private:
    friend struct Dispatch;
    friend struct JsSuspendable;

    Frame* new_frame(FunctionTemplate* tmpl);
    void free_frame(Frame* frame);
    // Runs from the current frame until `entry` completes or parks. A
    // non-null initial exception is thrown at entry's current pc first.
    Value run(Frame* entry, const Value* initial_exception = nullptr);
    void record_throw_position(Value exception);
    void safe_point(uint32_t sp);

    Isolate& isolate_;
    Frame* current_ = nullptr;
    std::vector<Frame*> free_frames_;
    uint64_t steps_ = 0;
    uint64_t next_check_ = 0;
    uint32_t depth_ = 0;        // JS frames and natives on the stack
    uint32_t run_depth_ = 0;    // nested dispatch loops
    uint32_t native_depth_ = 0; // natives on the C++ stack
    VmObserver* observer_ = nullptr;
    mutable ThrowPosition last_throw_;
    std::shared_ptr<Script> last_throw_script_;
    uint64_t throw_in_flight_ = 0;  // bits of the exception whose position is recorded
    bool throw_recorded_ = false;
    std::vector<std::shared_ptr<Script>> scripts_;
    std::vector<Value> temp_roots_;  // values a running VM helper must keep alive
    struct NativeRecord {
        JsFunction* fn;
        Frame* below;
        Value receiver;
        bool construct;
    };
    std::vector<NativeRecord> natives_;
    uint8_t last_outcome_ = 0;
    Value length_key_;
    Value typeof_names_[8];
};

}  // namespace looplab::js
