// Calls, frames, exception unwinding and stack traces; Isolate::call,
// Isolate::construct and Isolate::capture_stack_trace.
#include <algorithm>

#include "engine/js/promise.h"
#include "engine/js/proxy.h"
#include "engine/js/vm_internal.h"

namespace looplab::js {

namespace {

// Nested dispatch loops (natives calling back into JS) each use C++ stack;
// beyond this many the VM reports a stack overflow like deep JS recursion.
constexpr uint32_t kMaxRunDepth = 400;
constexpr size_t kFramePoolSize = 128;

}  // namespace

// ---------------------------------------------------------------- frames

void Frame::trace(Tracer& tracer) {
    tracer.mark(tmpl);
    tracer.mark(callee);
    tracer.mark(env);
    tracer.mark(owner);
    tracer.mark(new_target);
    Value* s = slots.get();
    for (uint32_t i = 0; i < sp && i < capacity; ++i) tracer.mark(s[i]);
    for (Value v : argv) tracer.mark(v);
    for (auto& h : handlers) tracer.mark(h.env);
}

JsSuspendable::~JsSuspendable() { delete frame; }

void JsSuspendable::trace(Tracer& tracer) {
    JsObject::trace(tracer);
    tracer.mark(promise);
    for (auto& r : queue) {
        tracer.mark(r.value);
        tracer.mark(r.promise);
    }
    if (frame != nullptr) frame->trace(tracer);
}

size_t JsSuspendable::byte_size() const {
    return sizeof(JsSuspendable) + (frame != nullptr ? frame->capacity * sizeof(Value) + sizeof(Frame) : 0);
}

Interpreter::Interpreter(Isolate& isolate) : isolate_(isolate) {
    length_key_ = isolate.intern("length");
}

Interpreter::~Interpreter() {
    for (Frame* f : free_frames_) delete f;
}

Frame* Interpreter::new_frame(FunctionTemplate* t) {
    Frame* f;
    if (!free_frames_.empty()) {
        f = free_frames_.back();
        free_frames_.pop_back();
    } else {
        f = new Frame();
    }
    uint32_t need = t->local_count + t->max_stack + 2;
    if (f->capacity < need) {
        f->slots.reset(new Value[need]);
        f->capacity = need;
    }
    Value* s = f->slots.get();
    for (uint32_t i = 0; i < t->local_count; ++i) s[i] = Value::undefined();
    f->tmpl = t;
    f->callee = nullptr;
    f->caller = nullptr;
    f->env = nullptr;
    f->pc = 0;
    f->sp = t->local_count;
    f->new_target = Value::undefined();
    f->argv.clear();
    f->handlers.clear();
    f->owner = nullptr;
    f->is_entry = false;
    f->is_construct = false;
    f->resume_kind = 0;
    f->pc_is_return = false;
    f->argc = 0;
    return f;
}

void Interpreter::free_frame(Frame* f) {
    f->tmpl = nullptr;
    f->callee = nullptr;
    f->caller = nullptr;
    if (free_frames_.size() < kFramePoolSize) free_frames_.push_back(f);
    else delete f;
}

std::shared_ptr<Script> Interpreter::add_script(std::string filename, std::string source) {
    auto s = std::make_shared<Script>();
    s->id = static_cast<uint32_t>(scripts_.size());
    s->filename = std::move(filename);
    s->source = std::move(source);
    scripts_.push_back(s);
    return s;
}

const Script* Interpreter::script(uint32_t id) const { return id < scripts_.size() ? scripts_[id].get() : nullptr; }

void Interpreter::trace_roots(Tracer& tracer) {
    for (Frame* f = current_; f != nullptr; f = f->caller) f->trace(tracer);
    for (auto& n : natives_) {
        tracer.mark(n.fn);
        tracer.mark(n.receiver);
    }
    for (Value v : temp_roots_) tracer.mark(v);
}

void Interpreter::safe_point(uint32_t) {
    uint64_t max_steps = isolate_.limits().max_steps;
    if (RunControl* control = isolate_.limits().control) {
        // next_check_ was set 4096 instructions past the previous safe point.
        const uint64_t since_last = steps_ + 4096 - std::min(next_check_, steps_ + 4096);
        control->steps.fetch_add(since_last, std::memory_order_relaxed);
        if (control->cancel.load(std::memory_order_relaxed)) throw LimitExceeded{"looplab: the run was stopped before it finished (Stop)"};
    }
    if (steps_ > max_steps) {
        throw LimitExceeded{"looplab: the program ran for more than " + std::to_string(max_steps) +
                            " bytecode instructions (the step limit)"};
    }
    // Only the outermost loop collects: any native below would hold raw values.
    if (run_depth_ == 1 && native_depth_ == 0) isolate_.maybe_collect();
    next_check_ = std::min<uint64_t>(steps_ + 4096, max_steps + 1);
}

// ---------------------------------------------------------------- entering

Frame* Dispatch::enter_closure(Interpreter& vm, JsClosure* fn, Value this_value, const Value* args, uint32_t argc,
                               Value new_target, bool construct) {
    Isolate& isolate = vm.isolate_;
    if (vm.depth_ >= isolate.limits().max_call_depth) {
        isolate.throw_range_error("Maximum call stack size exceeded");
    }
    FunctionTemplate* t = fn->tmpl;
    if (t->has(kFnClassConstructor) && !construct) {
        isolate.throw_type_error("Class constructor " + t->name + " cannot be invoked without 'new'");
    }
    Frame* nf = vm.new_frame(t);
    nf->callee = fn;
    nf->env = fn->env;
    nf->caller = vm.current_;
    nf->new_target = new_target;
    nf->is_construct = construct;
    nf->argc = argc;
    Value* s = nf->slots.get();
    if (t->has(kFnArrow)) {
        s[0] = Value::undefined();
    } else if (!t->has(kFnStrict) && !construct && !this_value.is_object()) {
        s[0] = this_value.is_nullish() ? Value::object(isolate.realm().global)
                                       : Value::object(to_object(isolate, this_value));
    } else {
        s[0] = this_value;
    }
    uint32_t n = std::min(argc, t->param_count);
    for (uint32_t i = 0; i < n; ++i) s[i + 1] = args[i];
    if (t->has(kFnNeedsArgs)) nf->argv.assign(args, args + argc);
    if (t->has(kFnAsync) && !t->has(kFnGenerator)) {
        auto* holder = isolate.heap().make<JsSuspendable>(nullptr, ObjectClass::Object,
                                                          JsSuspendable::Kind::AsyncFunction);
        nf->owner = holder;
        holder->frame = nf;
        holder->state = JsSuspendable::State::Running;
        holder->promise = new_promise(isolate);
    }
    vm.current_ = nf;
    vm.depth_++;
    if (vm.observer_ != nullptr) vm.observer_->on_call_enter(fn, false);
    return nf;
}

Value Dispatch::make_this_for_construct(Interpreter& vm, JsClosure* fn, Value new_target) {
    if (fn->tmpl->has(kFnDerived)) return Value::empty();
    Isolate& isolate = vm.isolate_;
    JsObject* proto = get_prototype_from_constructor(isolate, new_target, isolate.realm().object_prototype);
    return Value::object(isolate.new_object_with_proto(proto));
}

Value Dispatch::call_native(Interpreter& vm, JsFunction* fn, Value this_value, const Value* args, uint32_t argc,
                            Value new_target) {
    Isolate& isolate = vm.isolate_;
    if (vm.depth_ >= isolate.limits().max_call_depth) isolate.throw_range_error("Maximum call stack size exceeded");
    CallArgs call;
    call.this_value = this_value;
    call.args = std::span<const Value>(args, argc);
    call.callee = fn;
    call.new_target = new_target;
    vm.natives_.push_back({fn, vm.current_, this_value, !new_target.is_undefined()});
    vm.native_depth_++;
    vm.depth_++;
    if (vm.observer_ != nullptr) vm.observer_->on_call_enter(fn, true);
    struct Leave {
        Interpreter& vm;
        JsFunction* fn;
        ~Leave() {
            vm.natives_.pop_back();
            vm.native_depth_--;
            vm.depth_--;
            if (vm.observer_ != nullptr) vm.observer_->on_call_exit(fn, true);
        }
    } leave{vm, fn};
    return fn->native(isolate, call);
}

void Dispatch::throw_not_function(Interpreter& vm, Value callee, Value text) {
    std::string what = text.is_string() ? text.as_string()->str() : "expression";
    vm.isolate_.throw_type_error(what + " is not a function");
}

void Dispatch::throw_destructure_error(Interpreter& vm, Value value, Value shape) {
    std::string what = value.is_null() ? "null" : "undefined";
    std::string text = shape.is_string() ? shape.as_string()->str() : "";
    size_t newline = text.find('\n');
    if (text.empty() || newline == std::string::npos) {
        vm.isolate_.throw_type_error("Cannot destructure '" + what + "' as it is " + what + ".");
    }
    std::string key = text.substr(1, newline - 1);
    if (text[0] == 'R') vm.isolate_.throw_type_error("Cannot read properties of " + what + " (reading '" + key + "')");
    std::string source = text.substr(newline + 1);
    if (source.empty()) source = what;
    vm.isolate_.throw_type_error("Cannot destructure property '" + key + "' of '" + source + "' as it is " + what + ".");
}

// ---------------------------------------------------------------- running

namespace {

enum class Unwound { Handler, Finished, Propagate };

}  // namespace

Value Interpreter::run(Frame* entry, const Value* initial_exception) {
    ++run_depth_;
    struct Leave {
        uint32_t& depth;
        ~Leave() { --depth; }
    } leave{run_depth_};
    bool pending = initial_exception != nullptr;
    Value exc = pending ? *initial_exception : Value();
    for (;;) {
        if (pending) {
            pending = false;
            record_throw_position(exc);
            // Unwind to the nearest handler, ending frames without one.
            Unwound how = Unwound::Propagate;
            Value result;
            for (;;) {
                Frame* f = current_;
                if (!f->handlers.empty()) {
                    TryHandler h = f->handlers.back();
                    f->handlers.pop_back();
                    f->env = h.env;
                    f->sp = f->tmpl->local_count;
                    f->slots[f->sp++] = exc;
                    f->pc = h.handler_pc;
                    f->pc_is_return = false;
                    throw_recorded_ = false;
                    how = Unwound::Handler;
                    break;
                }
                auto* owner = static_cast<JsSuspendable*>(f->owner);
                bool was_entry = f->is_entry;
                Frame* caller = f->caller;
                current_ = caller;
                depth_--;
                if (observer_ != nullptr) observer_->on_call_exit(f->callee, false);
                if (owner != nullptr) {
                    owner->state = JsSuspendable::State::Completed;
                    owner->frame = nullptr;
                }
                f->owner = nullptr;
                free_frame(f);
                if (owner != nullptr && owner->kind == JsSuspendable::Kind::AsyncFunction) {
                    // An async function's throw rejects its promise; the call itself completes.
                    reject_promise(isolate_, owner->promise, exc);
                    Value p = Value::object(owner->promise);
                    if (was_entry) {
                        last_outcome_ = static_cast<uint8_t>(Outcome::Returned);
                        result = p;
                        how = Unwound::Finished;
                    } else {
                        caller->slots[caller->sp++] = p;
                        caller->pc_is_return = false;
                        how = Unwound::Handler;
                    }
                    throw_recorded_ = false;
                    break;
                }
                if (owner != nullptr && owner->kind == JsSuspendable::Kind::AsyncGenerator && was_entry) {
                    last_outcome_ = static_cast<uint8_t>(Outcome::Threw);
                    result = exc;
                    how = Unwound::Finished;
                    throw_recorded_ = false;
                    break;
                }
                if (was_entry) break;
            }
            if (how == Unwound::Propagate) throw JsException{exc};
            if (how == Unwound::Finished) return result;
        }
        try {
            return Dispatch::run_loop(*this, entry);
        } catch (const JsException& e) {
            exc = e.value;
            pending = true;
        } catch (const LimitExceeded&) {
            // Drop every frame of this run; the whole program is ending.
            while (current_ != nullptr) {
                Frame* f = current_;
                bool was_entry = f->is_entry;
                current_ = f->caller;
                depth_--;
                f->caller = nullptr;
                f->is_entry = false;
                if (f->owner == nullptr) free_frame(f);
                if (was_entry) break;
            }
            throw;
        }
    }
}

void Interpreter::record_throw_position(Value exc) {
    if (throw_recorded_ && throw_in_flight_ == exc.raw_bits()) return;
    throw_recorded_ = true;
    throw_in_flight_ = exc.raw_bits();
    Frame* f = current_;
    if (f == nullptr || f->tmpl == nullptr) return;
    uint32_t pc = f->pc_is_return && f->pc > 0 ? f->pc - 1 : f->pc;
    const PositionEntry* p = f->tmpl->position_at(pc);
    last_throw_ = ThrowPosition{};
    last_throw_script_ = f->tmpl->script;
    if (p == nullptr || !last_throw_script_) return;
    last_throw_.valid = true;
    last_throw_.script_id = last_throw_script_->id;
    last_throw_.filename = last_throw_script_->filename;
    last_throw_.line = p->line;
    last_throw_.column = p->column;
}

const ThrowPosition& Interpreter::last_throw_position() const {
    if (last_throw_.valid && last_throw_.source_line.empty() && last_throw_script_) {
        last_throw_.source_line = last_throw_script_->line_text(last_throw_.line);
    }
    return last_throw_;
}

Value Interpreter::call(Value callee, Value this_value, std::span<const Value> args) {
    if (!is_callable(callee)) {
        isolate_.throw_type_error(Dispatch::describe_for_error(*this, callee) + " is not a function");
    }
    auto* fn = static_cast<JsFunction*>(callee.as_object());
    switch (fn->kind) {
        case FunctionKind::Native:
            return Dispatch::call_native(*this, fn, this_value, args.data(), static_cast<uint32_t>(args.size()),
                                         Value::undefined());
        case FunctionKind::Bound: {
            std::vector<Value> all(fn->bound_args);
            all.insert(all.end(), args.begin(), args.end());
            return call(fn->bound_target, fn->bound_this, all);
        }
        case FunctionKind::Proxy: return proxy_call(isolate_, fn, this_value, args);
        case FunctionKind::Closure: break;
    }
    if (run_depth_ >= kMaxRunDepth) isolate_.throw_range_error("Maximum call stack size exceeded");
    Frame* nf = Dispatch::enter_closure(*this, static_cast<JsClosure*>(fn), this_value, args.data(),
                                        static_cast<uint32_t>(args.size()), Value::undefined(), false);
    nf->is_entry = true;
    return run(nf);
}

Value Interpreter::construct(Value callee, std::span<const Value> args, Value new_target) {
    if (!is_constructor(callee)) {
        isolate_.throw_type_error(Dispatch::describe_for_error(*this, callee) + " is not a constructor");
    }
    if (new_target.is_undefined()) new_target = callee;
    auto* fn = static_cast<JsFunction*>(callee.as_object());
    switch (fn->kind) {
        case FunctionKind::Native:
            return Dispatch::call_native(*this, fn, Value::undefined(), args.data(),
                                         static_cast<uint32_t>(args.size()), new_target);
        case FunctionKind::Bound: {
            std::vector<Value> all(fn->bound_args);
            all.insert(all.end(), args.begin(), args.end());
            Value nt = new_target.same_bits(callee) ? fn->bound_target : new_target;
            return construct(fn->bound_target, all, nt);
        }
        case FunctionKind::Proxy: return proxy_construct(isolate_, fn, args, new_target);
        case FunctionKind::Closure: break;
    }
    if (run_depth_ >= kMaxRunDepth) isolate_.throw_range_error("Maximum call stack size exceeded");
    auto* closure = static_cast<JsClosure*>(fn);
    Value self = Dispatch::make_this_for_construct(*this, closure, new_target);
    Frame* nf = Dispatch::enter_closure(*this, closure, self, args.data(), static_cast<uint32_t>(args.size()),
                                        new_target, true);
    nf->is_entry = true;
    return run(nf);
}

// ---------------------------------------------------------------- stack traces

namespace {

// The receiver's type name as V8 prints it in "at Type.method".
std::string receiver_type_name(Isolate& isolate, Value receiver) {
    if (!receiver.is_object()) return "";
    JsObject* o = receiver.as_object();
    if (o == isolate.realm().global) return "";
    Value tag_key = Value::symbol(isolate.symbols().to_string_tag);
    Value ctor_key = isolate.intern("constructor");
    for (JsObject* p = o; p != nullptr; p = p->proto) {
        if (const PropertySlot* s = p->props.find(tag_key); s != nullptr && s->value.is_string()) {
            if (p == o || o->cls != ObjectClass::Function) return s->value.as_string()->str();
        }
        if (const PropertySlot* s = p->props.find(ctor_key); s != nullptr && !(s->flags & kAccessor)) {
            if (is_callable(s->value)) {
                JsString* name = static_cast<JsFunction*>(s->value.as_object())->name;
                if (name != nullptr && name->byte_length() > 0) return name->str();
            }
            return "";
        }
    }
    if (o->cls == ObjectClass::Function) return "Function";
    return "Object";
}

bool is_error_constructor(Isolate& isolate, JsFunction* fn) {
    for (JsObject* c : isolate.realm().error_constructors) {
        if (c == fn) return true;
    }
    return fn->name != nullptr && fn->name->view() == "captureStackTrace";
}

}  // namespace

std::string Interpreter::capture_stack_trace(size_t skip_frames) {
    std::vector<std::string> lines;
    size_t k = natives_.size();
    bool top = true;
    Frame* f = current_;
    for (size_t guard = 0; guard < 100000; ++guard) {
        while (k > 0 && natives_[k - 1].below == f) {
            const NativeRecord& n = natives_[--k];
            if (top && is_error_constructor(isolate_, n.fn)) continue;
            top = false;
            std::string name = n.fn->name != nullptr ? n.fn->name->str() : "";
            std::string type = n.construct ? "" : receiver_type_name(isolate_, n.receiver);
            if (n.construct) name = "new " + name;
            else if (!type.empty()) name = type + "." + name;
            lines.push_back("    at " + (name.empty() ? std::string("<anonymous>") : name) + " (<anonymous>)");
        }
        if (f == nullptr) break;
        top = false;
        FunctionTemplate* t = f->tmpl;
        uint32_t pc = f->pc_is_return && f->pc > 0 ? f->pc - 1 : f->pc;
        const PositionEntry* p = t->position_at(pc);
        std::string loc = (t->script ? t->script->filename : std::string("<anonymous>")) + ":" +
                          std::to_string(p ? p->line : t->line) + ":" + std::to_string(p ? p->column : t->column);
        std::string name;
        if (t->has(kFnModule)) {
            name = "Object.<anonymous>";
        } else if (f->is_construct) {
            name = "new " + (t->name.empty() ? std::string("<anonymous>") : t->name);
        } else if (!t->name.empty()) {
            std::string type = t->has(kFnArrow) ? "" : receiver_type_name(isolate_, f->slots[0]);
            if (type.empty() && !t->class_name.empty() && t->has(kFnMethod)) type = t->class_name;
            name = type.empty() ? t->name : type + "." + t->name;
        }
        if (f->owner != nullptr && static_cast<JsSuspendable*>(f->owner)->kind == JsSuspendable::Kind::AsyncFunction &&
            f->caller == nullptr && !name.empty()) {
            name = "async " + name;
        }
        lines.push_back(name.empty() ? "    at " + loc : "    at " + name + " (" + loc + ")");
        f = f->caller;
    }
    std::string out;
    for (size_t i = skip_frames; i < lines.size(); ++i) {
        if (!out.empty()) out += "\n";
        out += lines[i];
    }
    return out;
}

// ---------------------------------------------------------------- Isolate

Value Isolate::call(Value callee, Value this_value, std::span<const Value> args) {
    return interpreter_->call(callee, this_value, args);
}

Value Isolate::construct(Value callee, std::span<const Value> args, Value new_target) {
    return interpreter_->construct(callee, args, new_target);
}

std::string Isolate::capture_stack_trace(size_t skip_frames) { return interpreter_->capture_stack_trace(skip_frames); }

}  // namespace looplab::js
