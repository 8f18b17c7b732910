// The dispatch loop: one switch over the opcodes of bytecode.h.
//
// Registers (frame, code, slots, stack pointer, pc) live in C++ locals and
// are written back to the Frame before anything that can re-enter the VM,
// throw, or collect. JS-to-JS calls push a heap frame and keep looping in
// this same C++ activation; only natives calling back into JS nest a new
// run loop (Isolate::call).
#include <cmath>

#include "engine/js/promise.h"
#include "engine/js/vm_internal.h"

namespace looplab::js {

namespace {

inline bool is_closure(Value v) {
    return v.is_object() && v.as_object()->cls == ObjectClass::Function &&
           static_cast<JsFunction*>(v.as_object())->kind == FunctionKind::Closure;
}

[[noreturn]] void throw_tdz(Isolate& isolate, Value name) {
    std::string n = name.as_string()->str();
    if (n == "this") {
        isolate.throw_error(ErrorType::ReferenceError,
                            "Must call super constructor in derived class before accessing 'this' or returning "
                            "from derived constructor");
    }
    isolate.throw_error(ErrorType::ReferenceError, "Cannot access '" + n + "' before initialization");
}

inline Value number_op(Opcode op, double a, double b) {
    switch (op) {
        case Opcode::Sub: return Value::number(a - b);
        case Opcode::Mul: return Value::number(a * b);
        case Opcode::Div: return Value::number(a / b);
        case Opcode::Mod: return Value::number(std::fmod(a, b));
        case Opcode::Exp:
            if (std::isnan(b)) return Value::number(NAN);
            if ((a == 1 || a == -1) && std::isinf(b)) return Value::number(NAN);
            return Value::number(std::pow(a, b));
        case Opcode::BitAnd: return Value::number(to_int32(a) & to_int32(b));
        case Opcode::BitOr: return Value::number(to_int32(a) | to_int32(b));
        case Opcode::BitXor: return Value::number(to_int32(a) ^ to_int32(b));
        case Opcode::Shl: return Value::number(static_cast<int32_t>(static_cast<uint32_t>(to_int32(a)) << (to_uint32(b) & 31)));
        case Opcode::Shr: return Value::number(to_int32(a) >> (to_uint32(b) & 31));
        case Opcode::UShr: return Value::number(static_cast<double>(to_uint32(a) >> (to_uint32(b) & 31)));
        default: return Value::number(NAN);
    }
}

}  // namespace

Value Dispatch::run_loop(Interpreter& vm, Frame* entry) {
    Isolate& isolate = vm.isolate_;
    Frame* f;
    FunctionTemplate* t;
    const uint32_t* code;
    const Value* consts;
    Value* slots;
    Value* sp;
    uint32_t pc;

#define LOAD_FRAME()                          \
    do {                                      \
        f = vm.current_;                      \
        t = f->tmpl;                          \
        code = t->code.data();                \
        consts = t->constants.data();         \
        slots = f->slots.get();               \
        sp = slots + f->sp;                   \
        pc = f->pc;                           \
    } while (0)
#define SAVE_SP() (f->sp = static_cast<uint32_t>(sp - slots))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define A() decode_a(word)
#define B() (code[pc++])

    LOAD_FRAME();

    // Ends the current frame with value v: back to the caller's loop, or out
    // of this run when the frame was the entry.
#define FRAME_DONE(value_expr, outcome_value)                 \
    do {                                                      \
        Value done_value_ = (value_expr);                     \
        Frame* done_caller_ = f->caller;                      \
        bool done_entry_ = f->is_entry;                       \
        vm.current_ = done_caller_;                           \
        vm.depth_--;                                          \
        if (vm.observer_) vm.observer_->on_call_exit(f->callee, false); \
        if (f->owner == nullptr) vm.free_frame(f);            \
        else {                                                \
            f->caller = nullptr;                              \
            f->is_entry = false;                              \
        }                                                     \
        if (done_entry_) {                                    \
            vm.last_outcome_ = static_cast<uint8_t>(outcome_value); \
            return done_value_;                               \
        }                                                     \
        LOAD_FRAME();                                         \
        f->pc_is_return = false;                              \
        PUSH(done_value_);                                    \
    } while (0)

    // Parks the current frame (await, yield, generator start).
#define PARK(kind, deliver_expr, outcome_value)               \
    do {                                                      \
        Value park_value_ = (deliver_expr);                   \
        f->pc = pc;                                           \
        SAVE_SP();                                            \
        f->resume_kind = static_cast<uint8_t>(kind);          \
        Frame* park_caller_ = f->caller;                      \
        bool park_entry_ = f->is_entry;                       \
        f->caller = nullptr;                                  \
        f->is_entry = false;                                  \
        vm.current_ = park_caller_;                           \
        vm.depth_--;                                          \
        if (vm.observer_) vm.observer_->on_call_exit(f->callee, false); \
        if (park_entry_) {                                    \
            vm.last_outcome_ = static_cast<uint8_t>(outcome_value); \
            return park_value_;                               \
        }                                                     \
        LOAD_FRAME();                                         \
        f->pc_is_return = false;                              \
        PUSH(park_value_);                                    \
    } while (0)

    for (;;) {
        if (++vm.steps_ >= vm.next_check_) {
            f->pc = pc;
            SAVE_SP();
            vm.safe_point(f->sp);
        }
        f->pc = pc;
        uint32_t word = code[pc++];
        switch (decode_op(word)) {
            case Opcode::Nop: case Opcode::Debugger: break;
            case Opcode::Stmt:
                if (vm.observer_ != nullptr) {
                    SAVE_SP();
                    if (const PositionEntry* p = t->position_at(pc - 1)) {
                        vm.observer_->on_statement(t->script ? t->script->id : 0, p->line, p->column);
                    }
                }
                break;
            case Opcode::PushUndef: PUSH(Value::undefined()); break;
            case Opcode::PushNull: PUSH(Value::null()); break;
            case Opcode::PushTrue: PUSH(Value::boolean(true)); break;
            case Opcode::PushFalse: PUSH(Value::boolean(false)); break;
            case Opcode::PushEmpty: PUSH(Value::empty()); break;
            case Opcode::PushInt: PUSH(Value::number(decode_signed_a(word))); break;
            case Opcode::PushConst: PUSH(consts[A()]); break;
            case Opcode::Pop: --sp; break;
            case Opcode::Dup: *sp = sp[-1]; ++sp; break;
            case Opcode::Dup2: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; break;
            case Opcode::Swap: std::swap(sp[-1], sp[-2]); break;
            case Opcode::Rot3: {
                Value c = sp[-1];
                sp[-1] = sp[-2];
                sp[-2] = sp[-3];
                sp[-3] = c;
                break;
            }
            case Opcode::Over: *sp = sp[-2]; ++sp; break;

            // ---- variables
            case Opcode::GetLocal: PUSH(slots[A()]); break;
            case Opcode::GetLocalChecked: {
                Value v = slots[A()];
                uint32_t name = B();
                if (v.is_empty()) throw_tdz(isolate, consts[name]);
                PUSH(v);
                break;
            }
            case Opcode::StoreLocal: slots[A()] = POP(); break;
            case Opcode::CheckLocalInit: {
                uint32_t name = B();
                if (slots[A()].is_empty()) throw_tdz(isolate, consts[name]);
                break;
            }
            case Opcode::GetEnv: case Opcode::GetEnvChecked: case Opcode::StoreEnv: case Opcode::CheckEnvInit: {
                uint32_t d = A();
                uint32_t b = B();
                Environment* e = f->env;
                while (d-- > 0) e = e->parent;
                Value& slot = e->slots[b & 0xFFFF];
                Opcode op = decode_op(word);
                if (op == Opcode::StoreEnv) {
                    slot = POP();
                } else {
                    if (op != Opcode::GetEnv && slot.is_empty()) throw_tdz(isolate, consts[b >> 16]);
                    if (op != Opcode::CheckEnvInit) PUSH(slot);
                }
                break;
            }
            case Opcode::PushEnv:
                f->env = isolate.heap().make<Environment>(f->env, A());
                break;
            case Opcode::PopEnv: f->env = f->env->parent; break;
            case Opcode::CloneEnv: {
                Environment* copy = isolate.heap().make<Environment>(f->env->parent, 0);
                copy->slots = f->env->slots;
                f->env = copy;
                break;
            }
            case Opcode::GetGlobal: case Opcode::GetGlobalOrUndef: {
                Value key = consts[A()];
                uint32_t cache = B();
                JsObject* global = isolate.realm().global;
                auto& gslots = global->props.slots();
                uint32_t c = t->caches[cache];
                if (c < gslots.size() && gslots[c].key.same_bits(key) && !(gslots[c].flags & kAccessor)) {
                    PUSH(gslots[c].value);
                    break;
                }
                SAVE_SP();
                if (PropertySlot* s = global->props.find(key)) {
                    if (!(s->flags & kAccessor)) {
                        t->caches[cache] = static_cast<uint32_t>(s - gslots.data());
                        PUSH(s->value);
                        break;
                    }
                    PUSH(get(isolate, Value::object(global), key));
                    break;
                }
                if (has_property(isolate, global, key)) {
                    PUSH(get(isolate, Value::object(global), key));
                    break;
                }
                if (decode_op(word) == Opcode::GetGlobalOrUndef) {
                    PUSH(Value::undefined());
                    break;
                }
                isolate.throw_error(ErrorType::ReferenceError, key.as_string()->str() + " is not defined");
            }
            case Opcode::StoreGlobal: {
                Value key = consts[A()];
                uint32_t cache = B();
                Value v = POP();
                JsObject* global = isolate.realm().global;
                auto& gslots = global->props.slots();
                uint32_t c = t->caches[cache];
                if (c < gslots.size() && gslots[c].key.same_bits(key) &&
                    (gslots[c].flags & (kAccessor | kWritable)) == kWritable) {
                    gslots[c].value = v;
                    break;
                }
                SAVE_SP();
                if (t->has(kFnStrict) && !has_property(isolate, global, key)) {
                    isolate.throw_error(ErrorType::ReferenceError, key.as_string()->str() + " is not defined");
                }
                set(isolate, Value::object(global), key, v, t->has(kFnStrict));
                if (PropertySlot* s = global->props.find(key)) t->caches[cache] = static_cast<uint32_t>(s - gslots.data());
                break;
            }
            case Opcode::ThrowConstAssign: isolate.throw_type_error("Assignment to constant variable.");
            case Opcode::ThrowTdz: throw_tdz(isolate, consts[A()]);

            // ---- properties
            case Opcode::GetProp: {
                Value key = consts[A()];
                uint32_t cache = B();
                Value obj = TOP();
                if (obj.is_object()) {
                    JsObject* o = obj.as_object();
                    auto& ps = o->props.slots();
                    uint32_t c = t->caches[cache];
                    if (c < ps.size() && ps[c].key.same_bits(key) && !(ps[c].flags & kAccessor)) {
                        TOP() = ps[c].value;
                        break;
                    }
                    if (o->cls == ObjectClass::Array && key.same_bits(vm.length_key_)) {
                        TOP() = Value::number(static_cast<double>(static_cast<JsArray*>(o)->elements.size()));
                        break;
                    }
                    if (o->cls != ObjectClass::Array && o->cls != ObjectClass::TypedArray &&
                        o->cls != ObjectClass::String) {
                        if (PropertySlot* s = o->props.find(key)) {
                            if (!(s->flags & kAccessor)) {
                                t->caches[cache] = static_cast<uint32_t>(s - ps.data());
                                TOP() = s->value;
                                break;
                            }
                        }
                    }
                } else if (obj.is_string() && key.same_bits(vm.length_key_)) {
                    TOP() = Value::number(static_cast<double>(obj.as_string()->length()));
                    break;
                }
                SAVE_SP();
                TOP() = get(isolate, obj, key);
                break;
            }
            case Opcode::StoreProp: {
                Value key = consts[A()];
                uint32_t cache = B();
                Value v = POP();
                Value obj = TOP();
                if (obj.is_object()) {
                    JsObject* o = obj.as_object();
                    auto& ps = o->props.slots();
                    uint32_t c = t->caches[cache];
                    if (c < ps.size() && ps[c].key.same_bits(key) &&
                        (ps[c].flags & (kAccessor | kWritable)) == kWritable && !o->frozen) {
                        ps[c].value = v;
                        TOP() = v;
                        break;
                    }
                }
                SAVE_SP();
                set(isolate, obj, key, v, t->has(kFnStrict));
                if (obj.is_object()) {
                    JsObject* o = obj.as_object();
                    if (PropertySlot* s = o->props.find(key)) {
                        t->caches[cache] = static_cast<uint32_t>(s - o->props.slots().data());
                    }
                }
                TOP() = v;
                break;
            }
            case Opcode::GetElem: {
                Value key = POP();
                Value obj = TOP();
                if (obj.is_object() && key.is_number()) {
                    JsObject* o = obj.as_object();
                    double d = key.as_number();
                    if (o->cls == ObjectClass::Array) {
                        auto& el = static_cast<JsArray*>(o)->elements;
                        if (d >= 0 && d < static_cast<double>(el.size())) {
                            size_t i = static_cast<size_t>(d);
                            if (static_cast<double>(i) == d && !el[i].is_empty()) {
                                TOP() = el[i];
                                break;
                            }
                        }
                    } else if (o->cls == ObjectClass::TypedArray) {
                        auto* ta = static_cast<JsTypedArray*>(o);
                        if (d >= 0 && d < static_cast<double>(ta->length) && d == std::floor(d)) {
                            TOP() = Value::number(ta->load(static_cast<size_t>(d)));
                            break;
                        }
                    }
                }
                SAVE_SP();
                if (obj.is_nullish()) {
                    isolate.throw_type_error("Cannot read properties of " +
                                             std::string(obj.is_null() ? "null" : "undefined") + " (reading '" +
                                             (key.is_symbol() ? "Symbol(" + key.as_symbol()->description + ")"
                                                              : to_string(isolate, key)) + "')");
                }
                if (key.is_object()) key = isolate.to_property_key(key);
                TOP() = get(isolate, obj, key);
                break;
            }
            case Opcode::StoreElem: {
                Value v = POP();
                Value key = POP();
                Value obj = TOP();
                if (obj.is_object() && key.is_number()) {
                    JsObject* o = obj.as_object();
                    double d = key.as_number();
                    if (o->cls == ObjectClass::Array && !o->frozen) {
                        auto* arr = static_cast<JsArray*>(o);
                        if (d >= 0 && d <= static_cast<double>(arr->elements.size()) && d == std::floor(d)) {
                            size_t i = static_cast<size_t>(d);
                            if (i < arr->elements.size()) {
                                arr->elements[i] = v;
                                TOP() = v;
                                break;
                            }
                            if (o->extensible && o->proto == isolate.realm().array_prototype) {
                                arr->elements.push_back(v);
                                isolate.heap().note_growth(sizeof(Value));
                                TOP() = v;
                                break;
                            }
                        }
                    }
                }
                SAVE_SP();
                if (key.is_object()) key = isolate.to_property_key(key);
                set(isolate, obj, key, v, t->has(kFnStrict));
                TOP() = v;
                break;
            }
            case Opcode::DeleteProp: case Opcode::DeleteElem: {
                Value key = decode_op(word) == Opcode::DeleteProp ? consts[A()] : POP();
                Value obj = TOP();
                SAVE_SP();
                if (obj.is_nullish()) isolate.throw_type_error("Cannot convert undefined or null to object");
                if (!obj.is_object()) {
                    TOP() = Value::boolean(true);
                    break;
                }
                TOP() = Value::boolean(delete_property(isolate, obj.as_object(), isolate.to_property_key(key),
                                                       t->has(kFnStrict)));
                break;
            }
            case Opcode::GetSuperProp: {
                Value key = POP();
                Value self = POP();
                Value func = TOP();
                SAVE_SP();
                TOP() = Dispatch::get_super(vm, func, self, key);
                break;
            }
            case Opcode::StoreSuperProp: {
                Value v = POP();
                Value key = POP();
                Value self = POP();
                Value func = POP();
                SAVE_SP();
                Dispatch::set_super(vm, func, self, key, v);
                PUSH(v);
                break;
            }
            case Opcode::GetPrivate: {
                Value sym = POP();
                Value obj = TOP();
                SAVE_SP();
                OwnProperty own;
                if (obj.is_object()) own = get_own_property(isolate, obj.as_object(), sym);
                if (!own.found) {
                    isolate.throw_type_error("Cannot read private member " + sym.as_symbol()->description +
                                             " from an object whose class did not declare it");
                }
                if (own.flags & kAccessor) {
                    Value getter = as_accessor(own.value)->getter;
                    if (getter.is_undefined()) {
                        isolate.throw_type_error("'" + sym.as_symbol()->description + "' was defined without a getter");
                    }
                    TOP() = isolate.call(getter, obj, {});
                } else {
                    TOP() = own.value;
                }
                break;
            }
            case Opcode::StorePrivate: {
                Value v = POP();
                Value sym = POP();
                Value obj = TOP();
                SAVE_SP();
                PropertySlot* s = obj.is_object() ? obj.as_object()->props.find(sym) : nullptr;
                if (s == nullptr) {
                    isolate.throw_type_error("Cannot write private member " + sym.as_symbol()->description +
                                             " to an object whose class did not declare it");
                }
                if (s->flags & kAccessor) {
                    Value setter = as_accessor(s->value)->setter;
                    if (setter.is_undefined()) {
                        isolate.throw_type_error("'" + sym.as_symbol()->description + "' was defined without a setter");
                    }
                    isolate.call(setter, obj, std::span<const Value>(&v, 1));
                } else {
                    s->value = v;
                }
                TOP() = v;
                break;
            }
            case Opcode::DefinePrivate: {
                Value v = POP();
                Value sym = POP();
                Value obj = TOP();
                if (obj.as_object()->props.find(sym) != nullptr) {
                    SAVE_SP();
                    isolate.throw_type_error("Cannot initialize " + sym.as_symbol()->description +
                                             " twice on the same object");
                }
                obj.as_object()->props.add(sym, v, kWritable);
                break;
            }
            case Opcode::NewPrivateName:
                PUSH(Value::symbol(isolate.heap().make<JsSymbol>(consts[A()].as_string()->str())));
                break;
            case Opcode::HasPrivate: {
                Value obj = POP();
                Value sym = TOP();
                if (!obj.is_object()) {
                    SAVE_SP();
                    isolate.throw_type_error("Cannot use 'in' operator to search for '" +
                                             sym.as_symbol()->description + "' in " + to_string(isolate, obj));
                }
                TOP() = Value::boolean(obj.as_object()->props.find(sym) != nullptr);
                break;
            }

            // ---- literals
            case Opcode::NewObject: PUSH(Value::object(isolate.new_object())); break;
            case Opcode::NewArray: {
                JsArray* a = isolate.new_array(0);
                a->elements.reserve(A());
                PUSH(Value::object(a));
                break;
            }
            case Opcode::ArrayPush: {
                Value v = POP();
                static_cast<JsArray*>(TOP().as_object())->elements.push_back(v);
                break;
            }
            case Opcode::ArrayPushHole:
                static_cast<JsArray*>(TOP().as_object())->elements.push_back(Value::empty());
                break;
            case Opcode::ArraySpread: {
                Value iterable = POP();
                SAVE_SP();
                Dispatch::check_iterable(vm, iterable, consts[A()]);
                std::vector<Value> items = iterate_to_vector(isolate, iterable);
                auto& el = static_cast<JsArray*>(TOP().as_object())->elements;
                el.insert(el.end(), items.begin(), items.end());
                isolate.heap().note_growth(items.size() * sizeof(Value));
                break;
            }
            case Opcode::DefineField: {
                Value v = POP();
                JsObject* o = TOP().as_object();
                Value key = consts[A()];
                if (o->props.find(key) == nullptr && o->cls == ObjectClass::Object) {
                    o->props.add(key, v, kDefaultFlags);
                } else {
                    SAVE_SP();
                    create_data_property(isolate, o, key, v);
                }
                break;
            }
            case Opcode::DefineComputed: {
                Value v = POP();
                Value key = POP();
                SAVE_SP();
                create_data_property(isolate, TOP().as_object(), isolate.to_property_key(key), v);
                break;
            }
            case Opcode::DefineMethod: {
                Value fn = POP();
                Value key = POP();
                SAVE_SP();
                Dispatch::define_method(vm, TOP().as_object(), key, fn, A() >> 1, (A() & 1) != 0);
                break;
            }
            case Opcode::SetLiteralProto: {
                // 13.2.5.5 PropertyDefinitionEvaluation, `__proto__: v`: only
                // an object or null becomes the prototype; other values are ignored.
                Value v = POP();
                if (v.is_object()) TOP().as_object()->proto = v.as_object();
                else if (v.is_null()) TOP().as_object()->proto = nullptr;
                break;
            }
            case Opcode::CopyDataProps: {
                Value src = POP();
                SAVE_SP();
                if (!src.is_nullish()) {
                    JsObject* from = to_object(isolate, src);
                    copy_data_properties(isolate, TOP().as_object(), from, {});
                }
                break;
            }
            case Opcode::CopyRest: {
                uint32_t n = A();
                Value* keys = sp - n;
                Value src = keys[-1];
                SAVE_SP();
                JsObject* out = isolate.new_object();
                JsObject* from = to_object(isolate, src);
                std::vector<Value> excluded;
                for (uint32_t i = 0; i < n; ++i) excluded.push_back(isolate.to_property_key(keys[i]));
                copy_data_properties(isolate, out, from, excluded);
                sp = keys - 1;
                PUSH(Value::object(out));
                break;
            }
            case Opcode::TemplateObject: PUSH(consts[A()]); break;
            case Opcode::RegExp: {
                Value pattern = consts[A()];
                Value flags = consts[B()];
                SAVE_SP();
                Value ctor = get(isolate, Value::object(isolate.realm().global), "RegExp");
                Value args[2] = {pattern, flags};
                PUSH(isolate.construct(ctor, args, ctor));
                break;
            }
            case Opcode::BigInt: PUSH(consts[A()]); break;
            case Opcode::SetFnName: --sp; break;

            // ---- operators
            case Opcode::Add: {
                Value b = POP();
                Value a = TOP();
                if (a.is_number() && b.is_number()) {
                    TOP() = Value::number(a.as_number() + b.as_number());
                } else if (a.is_string() && b.is_string()) {
                    TOP() = isolate.concat(a, b);
                } else {
                    SAVE_SP();
                    TOP() = Dispatch::add_slow(vm, a, b);
                }
                break;
            }
            case Opcode::Sub: case Opcode::Mul: case Opcode::Div: case Opcode::Mod: case Opcode::Exp:
            case Opcode::BitAnd: case Opcode::BitOr: case Opcode::BitXor: case Opcode::Shl: case Opcode::Shr:
            case Opcode::UShr: {
                Value b = POP();
                Value a = TOP();
                Opcode op = decode_op(word);
                if (a.is_number() && b.is_number()) {
                    double x = a.as_number(), y = b.as_number();
                    if (op == Opcode::Sub) TOP() = Value::number(x - y);
                    else if (op == Opcode::Mul) TOP() = Value::number(x * y);
                    else TOP() = number_op(op, x, y);
                } else {
                    SAVE_SP();
                    TOP() = Dispatch::arith_slow(vm, op, a, b);
                }
                break;
            }
            case Opcode::Lt: case Opcode::Gt: case Opcode::LtEq: case Opcode::GtEq: {
                Value b = POP();
                Value a = TOP();
                Opcode op = decode_op(word);
                if (a.is_number() && b.is_number()) {
                    double x = a.as_number(), y = b.as_number();
                    bool r = op == Opcode::Lt ? x < y : op == Opcode::Gt ? x > y : op == Opcode::LtEq ? x <= y : x >= y;
                    TOP() = Value::boolean(r);
                    break;
                }
                SAVE_SP();
                bool undef = false, r;
                if (op == Opcode::Lt) r = Dispatch::less_than(vm, a, b, true, &undef);
                else if (op == Opcode::Gt) r = Dispatch::less_than(vm, b, a, false, &undef);
                else if (op == Opcode::LtEq) { r = !Dispatch::less_than(vm, b, a, false, &undef); }
                else { r = !Dispatch::less_than(vm, a, b, true, &undef); }
                TOP() = Value::boolean(undef ? false : r);
                break;
            }
            case Opcode::Eq: case Opcode::NotEq: {
                Value b = POP();
                Value a = TOP();
                bool r;
                if (a.is_number() && b.is_number()) r = a.as_number() == b.as_number();
                else {
                    SAVE_SP();
                    r = loosely_equal(isolate, a, b);
                }
                TOP() = Value::boolean(decode_op(word) == Opcode::Eq ? r : !r);
                break;
            }
            case Opcode::StrictEq: case Opcode::StrictNotEq: {
                Value b = POP();
                Value a = TOP();
                bool r = (a.is_number() && b.is_number()) ? a.as_number() == b.as_number() : strictly_equal(a, b);
                TOP() = Value::boolean(decode_op(word) == Opcode::StrictEq ? r : !r);
                break;
            }
            case Opcode::In: {
                Value obj = POP();
                Value key = TOP();
                SAVE_SP();
                if (!obj.is_object()) {
                    isolate.throw_type_error("Cannot use 'in' operator to search for '" +
                                             (key.is_symbol() ? std::string("Symbol()") : to_string(isolate, key)) +
                                             "' in " + Dispatch::describe_for_error(vm, obj));
                }
                TOP() = Value::boolean(has_property(isolate, obj.as_object(), isolate.to_property_key(key)));
                break;
            }
            case Opcode::Instanceof: {
                Value ctor = POP();
                Value v = TOP();
                SAVE_SP();
                TOP() = Value::boolean(instance_of(isolate, v, ctor));
                break;
            }
            case Opcode::Neg: {
                Value v = TOP();
                if (v.is_number()) TOP() = Value::number(-v.as_number());
                else {
                    SAVE_SP();
                    Value p = to_primitive(isolate, v, "number");
                    TOP() = p.is_bigint() ? Dispatch::unary_bigint(vm, Opcode::Neg, p)
                                          : Value::number(-to_number(isolate, p));
                }
                break;
            }
            case Opcode::Plus: case Opcode::ToNumeric: {
                if (!TOP().is_number()) {
                    SAVE_SP();
                    if (TOP().is_bigint() && decode_op(word) == Opcode::ToNumeric) break;
                    TOP() = Value::number(to_number(isolate, TOP()));
                }
                break;
            }
            case Opcode::Not: TOP() = Value::boolean(!Dispatch::truthy(TOP())); break;
            case Opcode::BitNot: {
                SAVE_SP();
                Value p = to_primitive(isolate, TOP(), "number");
                TOP() = p.is_bigint() ? Dispatch::unary_bigint(vm, Opcode::BitNot, p)
                                      : Value::number(~to_int32(isolate, p));
                break;
            }
            case Opcode::Typeof: {
                const char* name = type_of(TOP());
                TOP() = isolate.intern(name);
                break;
            }
            case Opcode::Inc: case Opcode::Dec: {
                Value v = TOP();
                double d;
                if (v.is_number()) d = v.as_number();
                else {
                    SAVE_SP();
                    Value p = to_primitive(isolate, v, "number");
                    if (p.is_bigint()) {
                        TOP() = Dispatch::unary_bigint(vm, decode_op(word), p);
                        break;
                    }
                    d = to_number(isolate, p);
                }
                TOP() = Value::number(decode_op(word) == Opcode::Inc ? d + 1 : d - 1);
                break;
            }
            case Opcode::ToString:
                if (!TOP().is_string()) {
                    SAVE_SP();
                    TOP() = to_string_value(isolate, TOP());
                }
                break;
            case Opcode::ToPropertyKey:
                if (!TOP().is_string() || !TOP().as_string()->interned) {
                    SAVE_SP();
                    TOP() = isolate.to_property_key(TOP());
                }
                break;
            case Opcode::RequireObjectCoercible:
                if (TOP().is_nullish()) {
                    SAVE_SP();
                    Dispatch::throw_destructure_error(vm, TOP(), A() == 0 ? Value() : consts[A() - 1]);
                }
                break;

            // ---- control
            case Opcode::Jump: pc = A(); break;
            case Opcode::JumpIfFalse: if (!Dispatch::truthy(POP())) pc = A(); break;
            case Opcode::JumpIfTrue: if (Dispatch::truthy(POP())) pc = A(); break;
            case Opcode::JumpIfFalseKeep: if (!Dispatch::truthy(TOP())) pc = A(); else --sp; break;
            case Opcode::JumpIfTrueKeep: if (Dispatch::truthy(TOP())) pc = A(); else --sp; break;
            case Opcode::JumpIfNotNullishKeep: if (!TOP().is_nullish()) pc = A(); else --sp; break;
            case Opcode::JumpIfNotUndef: if (!TOP().is_undefined()) pc = A(); break;
            case Opcode::JumpIfNullish: {
                uint32_t extra = B();
                if (TOP().is_nullish()) {
                    sp -= 1 + extra;
                    pc = A();
                }
                break;
            }
            case Opcode::Throw: {
                Value v = POP();
                SAVE_SP();
                throw JsException{v};
            }
            case Opcode::ThrowError: {
                SAVE_SP();
                isolate.throw_error(static_cast<ErrorType>(A() >> 20), consts[A() & 0xFFFFF].as_string()->str());
            }
            case Opcode::TryEnter: f->handlers.push_back({A(), f->env}); break;
            case Opcode::TryExit: f->handlers.pop_back(); break;
            case Opcode::Return: {
                Value v = POP();
                if (f->is_construct && !v.is_object()) v = slots[0];
                if (f->owner != nullptr) {
                    auto* holder = static_cast<JsSuspendable*>(f->owner);
                    SAVE_SP();
                    if (holder->kind == JsSuspendable::Kind::AsyncFunction) {
                        holder->state = JsSuspendable::State::Completed;
                        resolve_promise(isolate, holder->promise, v);
                        v = Value::object(holder->promise);
                    } else if (holder->kind == JsSuspendable::Kind::Generator) {
                        holder->state = JsSuspendable::State::Completed;
                        v = create_iter_result(isolate, v, true);
                    } else {
                        holder->state = JsSuspendable::State::Completed;
                    }
                    holder->frame = nullptr;
                    f->owner = nullptr;  // the frame goes back to the pool
                }
                FRAME_DONE(v, Outcome::Returned);
                break;
            }
            case Opcode::ReturnCtor: {
                Value self = POP();
                Value v = POP();
                if (!v.is_object()) {
                    if (!v.is_undefined()) {
                        SAVE_SP();
                        isolate.throw_type_error("Derived constructors may only return object or undefined");
                    }
                    if (self.is_empty()) {
                        SAVE_SP();
                        throw_tdz(isolate, isolate.intern("this"));
                    }
                    v = self;
                }
                FRAME_DONE(v, Outcome::Returned);
                break;
            }

            // ---- calls
            case Opcode::Call: case Opcode::CallSpread: {
                uint32_t argc = A();
                uint32_t text = B();
                Value* args;
                std::vector<Value> spread_args;
                if (decode_op(word) == Opcode::CallSpread) {
                    Value arr = POP();
                    auto& el = static_cast<JsArray*>(arr.as_object())->elements;
                    // Room on the stack is only guaranteed for the array; copy aside.
                    spread_args.assign(el.begin(), el.end());
                    for (auto& v : spread_args) if (v.is_empty()) v = Value::undefined();
                    argc = static_cast<uint32_t>(spread_args.size());
                    args = nullptr;
                } else {
                    args = sp - argc;
                }
                Value* base = (args != nullptr ? args : sp) - 2;
                Value callee = base[1];
                Value self = base[0];
                const Value* argv = args != nullptr ? args : spread_args.data();
                if (is_callable(callee)) {
                    auto* fn = static_cast<JsFunction*>(callee.as_object());
                    if (fn->kind == FunctionKind::Closure) {
                        f->sp = static_cast<uint32_t>(base - slots);
                        Dispatch::enter_closure(vm, static_cast<JsClosure*>(fn), self, argv, argc, Value::undefined(),
                                                false);
                        f->pc = pc;
                        f->pc_is_return = true;
                        LOAD_FRAME();
                        break;
                    }
                    SAVE_SP();
                    Value r = fn->kind == FunctionKind::Native
                                  ? Dispatch::call_native(vm, fn, self, argv, argc, Value::undefined())
                                  : vm.call(callee, self, std::span<const Value>(argv, argc));
                    sp = base;
                    PUSH(r);
                    break;
                }
                SAVE_SP();
                Dispatch::throw_not_function(vm, callee, consts[text]);
            }
            case Opcode::New: case Opcode::NewSpread: case Opcode::SuperCall: case Opcode::SuperCallSpread: {
                Opcode op = decode_op(word);
                bool is_super = op == Opcode::SuperCall || op == Opcode::SuperCallSpread;
                uint32_t argc = A();
                uint32_t text = is_super ? 0 : B();
                std::vector<Value> spread_args;
                Value* args;
                if (op == Opcode::NewSpread || op == Opcode::SuperCallSpread) {
                    Value arr = POP();
                    auto& el = static_cast<JsArray*>(arr.as_object())->elements;
                    spread_args.assign(el.begin(), el.end());
                    for (auto& v : spread_args) if (v.is_empty()) v = Value::undefined();
                    argc = static_cast<uint32_t>(spread_args.size());
                    args = nullptr;
                } else {
                    args = sp - argc;
                }
                const Value* argv = args != nullptr ? args : spread_args.data();
                Value* base;
                Value callee, new_target;
                if (is_super) {
                    base = (args != nullptr ? args : sp) - 2;
                    Value func = base[0];
                    new_target = base[1];
                    JsObject* parent = func.as_object()->proto;
                    callee = parent != nullptr ? Value::object(parent) : Value::null();
                    if (!is_constructor(callee)) {
                        SAVE_SP();
                        isolate.throw_type_error("Super constructor " + Dispatch::describe_for_error(vm, callee) +
                                                 " of anonymous class is not a constructor");
                    }
                } else {
                    base = (args != nullptr ? args : sp) - 1;
                    callee = base[0];
                    new_target = callee;
                    if (!is_constructor(callee)) {
                        SAVE_SP();
                        isolate.throw_type_error(consts[text].as_string()->str() + " is not a constructor");
                    }
                }
                auto* fn = static_cast<JsFunction*>(callee.as_object());
                if (fn->kind == FunctionKind::Closure) {
                    auto* closure = static_cast<JsClosure*>(fn);
                    SAVE_SP();
                    Value self = Dispatch::make_this_for_construct(vm, closure, new_target);
                    f->sp = static_cast<uint32_t>(base - slots);
                    Dispatch::enter_closure(vm, closure, self, argv, argc, new_target, true);
                    f->pc = pc;
                    f->pc_is_return = true;
                    LOAD_FRAME();
                    break;
                }
                SAVE_SP();
                Value r = fn->kind == FunctionKind::Native
                              ? Dispatch::call_native(vm, fn, Value::undefined(), argv, argc, new_target)
                              : vm.construct(callee, std::span<const Value>(argv, argc), new_target);
                sp = base;
                PUSH(r);
                break;
            }
            case Opcode::InitFields: {
                Value func = POP();
                Value self = TOP();
                Value init = is_closure(func) ? static_cast<JsClosure*>(func.as_object())->fields_init : Value();
                if (!is_closure(init)) {
                    TOP() = Value::undefined();
                    break;
                }
                Value* base = sp - 1;
                f->sp = static_cast<uint32_t>(base - slots);
                Dispatch::enter_closure(vm, static_cast<JsClosure*>(init.as_object()), self, nullptr, 0,
                                        Value::undefined(), false);
                f->pc = pc;
                f->pc_is_return = true;
                LOAD_FRAME();
                break;
            }
            case Opcode::Closure:
                PUSH(Value::object(Dispatch::make_closure(vm, t->children[A()], f->env)));
                break;
            case Opcode::CreateClass: {
                uint32_t has_heritage = B();
                Value heritage = has_heritage ? POP() : Value::undefined();
                SAVE_SP();
                Value proto;
                Value ctor = Dispatch::create_class(vm, t->children[A()], f->env, has_heritage != 0, heritage, &proto);
                PUSH(ctor);
                PUSH(proto);
                break;
            }
            case Opcode::DefineClassMethod: {
                Value fn = POP();
                Value key = POP();
                Value proto = sp[-1];
                Value ctor = sp[-2];
                SAVE_SP();
                JsObject* target = (A() & 1) ? ctor.as_object() : proto.as_object();
                Dispatch::define_method(vm, target, key, fn, A() >> 1, false);
                break;
            }
            case Opcode::SetHome: {
                Value home = POP();
                if (is_closure(TOP())) static_cast<JsClosure*>(TOP().as_object())->home_object = home.as_object();
                break;
            }
            case Opcode::SetFieldInit: {
                Value fn = POP();
                Value proto = sp[-1];
                Value ctor = sp[-2];
                auto* init = static_cast<JsClosure*>(fn.as_object());
                init->home_object = proto.as_object();
                static_cast<JsClosure*>(ctor.as_object())->fields_init = fn;
                break;
            }
            case Opcode::Arguments:
                SAVE_SP();
                PUSH(Value::object(Dispatch::make_arguments(vm, f)));
                break;
            case Opcode::Rest: {
                uint32_t from = A();
                std::vector<Value> rest;
                if (from < f->argv.size()) rest.assign(f->argv.begin() + from, f->argv.end());
                PUSH(Value::object(isolate.new_array_from(rest)));
                break;
            }
            case Opcode::LoadCallee: PUSH(f->callee ? Value::object(f->callee) : Value::undefined()); break;
            case Opcode::LoadNewTarget: PUSH(f->new_target); break;

            // ---- iteration
            case Opcode::GetIterator: case Opcode::GetAsyncIterator:
                SAVE_SP();
                if (decode_op(word) == Opcode::GetIterator) Dispatch::check_iterable(vm, TOP(), consts[A()]);
                TOP() = Dispatch::get_iterator_record(vm, TOP(), decode_op(word) == Opcode::GetAsyncIterator);
                break;
            case Opcode::IterStep: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                uint32_t exit = B();
                if (rec->array != nullptr) {
                    auto& el = rec->array->elements;
                    if (rec->index < el.size()) {
                        Value v = el[rec->index++];
                        PUSH(v.is_empty() ? Value::undefined() : v);
                    } else {
                        rec->done = true;
                        pc = exit;
                    }
                    break;
                }
                SAVE_SP();
                Value v;
                if (Dispatch::iter_step(vm, rec, &v)) PUSH(v);
                else pc = exit;
                break;
            }
            case Opcode::IterNext: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                SAVE_SP();
                Value v;
                if (rec->done || !Dispatch::iter_step(vm, rec, &v)) v = Value::undefined();
                PUSH(v);
                break;
            }
            case Opcode::IterRest: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                SAVE_SP();
                JsArray* out = isolate.new_array(0);
                PUSH(Value::object(out));
                SAVE_SP();
                Value v;
                while (!rec->done && Dispatch::iter_step(vm, rec, &v)) out->elements.push_back(v);
                break;
            }
            case Opcode::IterClose: case Opcode::IterCloseQuiet: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                SAVE_SP();
                if (decode_op(word) == Opcode::IterClose) {
                    Dispatch::iter_close(vm, rec);
                } else {
                    try {
                        Dispatch::iter_close(vm, rec);
                    } catch (const JsException&) {
                        // The original throw wins over an error from return().
                    }
                }
                break;
            }
            case Opcode::AsyncIterNextCall: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                SAVE_SP();
                rec->done = true;
                Value r = isolate.call(rec->next, rec->iterator, {});
                rec->done = false;
                PUSH(r);
                break;
            }
            case Opcode::AsyncIterResult: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                uint32_t exit = B();
                Value r = POP();
                SAVE_SP();
                if (!r.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, r) + " is not an object");
                if (to_boolean(get(isolate, r, "done"))) {
                    rec->done = true;
                    pc = exit;
                    break;
                }
                PUSH(get(isolate, r, "value"));
                PUSH(Value::boolean(rec->sync_fallback));
                break;
            }
            case Opcode::AsyncIterClose: {
                // AsyncIteratorClose (7.4.13) steps 4-5c; the code that
                // follows awaits the result (5d) and checks it (8).
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                uint32_t skip = B();
                SAVE_SP();
                Value r;
                if (!Dispatch::async_iter_close_call(vm, rec, &r)) {
                    pc = skip;
                    break;
                }
                PUSH(r);
                break;
            }
            case Opcode::IterResultCheck: {
                Value r = POP();
                SAVE_SP();
                if (!r.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, r) + " is not an object");
                break;
            }
            case Opcode::ForInPrepare:
                SAVE_SP();
                TOP() = Dispatch::for_in_prepare(vm, TOP());
                break;
            case Opcode::ForInStep: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                uint32_t exit = B();
                SAVE_SP();
                Value k;
                if (Dispatch::for_in_step(vm, rec, &k)) PUSH(k);
                else pc = exit;
                break;
            }

            // ---- generators and async
            case Opcode::GeneratorStart: {
                SAVE_SP();
                JsClosure* callee = f->callee;
                bool async = callee->tmpl->has(kFnAsync);
                JsObject* fallback = async ? isolate.realm().async_generator_prototype : isolate.realm().generator_prototype;
                JsObject* proto = get_prototype_from_constructor(isolate, Value::object(callee),
                                                                 fallback ? fallback : isolate.realm().object_prototype);
                auto* gen = isolate.heap().make<JsSuspendable>(
                    proto, async ? ObjectClass::AsyncGenerator : ObjectClass::Generator,
                    async ? JsSuspendable::Kind::AsyncGenerator : JsSuspendable::Kind::Generator);
                gen->frame = f;
                f->owner = gen;
                gen->state = JsSuspendable::State::SuspendedStart;
                PARK(ResumeKind::Start, Value::object(gen), Outcome::Yielded);
                break;
            }
            case Opcode::Yield: case Opcode::YieldRaw: {
                Value v = POP();
                auto* holder = static_cast<JsSuspendable*>(f->owner);
                holder->state = JsSuspendable::State::SuspendedYield;
                if (holder->kind == JsSuspendable::Kind::Generator && decode_op(word) == Opcode::Yield) {
                    SAVE_SP();
                    v = create_iter_result(isolate, v, false);
                }
                PARK(ResumeKind::Yield, v, Outcome::Yielded);
                break;
            }
            case Opcode::ResumeCheck: {
                Value mode = POP();
                int m = static_cast<int>(mode.as_number());
                if (m == static_cast<int>(ResumeMode::Throw)) {
                    Value v = POP();
                    SAVE_SP();
                    throw JsException{v};
                }
                if (m == static_cast<int>(ResumeMode::Next)) pc = A();
                break;
            }
            case Opcode::Await: {
                Value v = POP();
                auto* holder = static_cast<JsSuspendable*>(f->owner);
                SAVE_SP();
                f->pc = pc;
                Dispatch::await_value(vm, holder, v);
                Value deliver = holder->kind == JsSuspendable::Kind::AsyncFunction ? Value::object(holder->promise)
                                                                                   : Value::undefined();
                PARK(ResumeKind::Await, deliver, Outcome::Awaited);
                break;
            }
            case Opcode::DelegateStep: case Opcode::AsyncDelegateStep: {
                auto* rec = static_cast<IterRecord*>(slots[A()].as_object());
                Value mode = POP();
                Value sent = POP();
                SAVE_SP();
                Value value;
                int kind;
                if (decode_op(word) == Opcode::DelegateStep) {
                    Dispatch::delegate_step(vm, rec, sent, static_cast<int>(mode.as_number()), &value, &kind);
                } else {
                    Dispatch::async_delegate_step(vm, rec, sent, static_cast<int>(mode.as_number()), &value, &kind);
                }
                PUSH(value);
                PUSH(Value::number(kind));
                break;
            }
            default:
                isolate.throw_error(ErrorType::Error, std::string("looplab: unimplemented opcode ") +
                                                          opcode_name(decode_op(word)));
        }
    }
#undef LOAD_FRAME
#undef SAVE_SP
#undef PUSH
#undef POP
#undef TOP
#undef A
#undef B
#undef FRAME_DONE
#undef PARK
}

}  // namespace looplab::js
