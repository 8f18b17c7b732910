// The interpreter's slow paths: closures and classes, operators on
// non-number operands, iteration, generators and async functions; plus the
// small bytecode helpers.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "engine/js/bigint.h"
#include "engine/js/promise.h"
#include "engine/js/proxy.h"
#include "engine/js/vm_internal.h"

namespace looplab::js {

// ---------------------------------------------------------------- bytecode

namespace {

const char* const kOpNames[] = {
#define LOOPLAB_OP_NAME(name, b) #name,
    LOOPLAB_OPCODES(LOOPLAB_OP_NAME)
#undef LOOPLAB_OP_NAME
};
const bool kOpHasB[] = {
#define LOOPLAB_OP_B(name, b) b != 0,
    LOOPLAB_OPCODES(LOOPLAB_OP_B)
#undef LOOPLAB_OP_B
};

}  // namespace

const char* opcode_name(Opcode op) { return kOpNames[static_cast<int>(op)]; }
bool opcode_has_b(Opcode op) { return kOpHasB[static_cast<int>(op)]; }

std::string Script::line_text(uint32_t line) const {
    size_t start = 0;
    for (uint32_t l = 1; l < line; ++l) {
        size_t nl = source.find('\n', start);
        if (nl == std::string::npos) return "";
        start = nl + 1;
    }
    size_t end = source.find('\n', start);
    std::string text = source.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

const PositionEntry* FunctionTemplate::position_at(uint32_t pc) const {
    auto it = std::upper_bound(positions.begin(), positions.end(), pc,
                               [](uint32_t v, const PositionEntry& e) { return v < e.pc; });
    if (it == positions.begin()) return positions.empty() ? nullptr : &positions.front();
    return &*(it - 1);
}

void FunctionTemplate::trace(Tracer& tracer) {
    for (Value v : constants) tracer.mark(v);
    for (FunctionTemplate* c : children) tracer.mark(c);
    for (Value v : template_sites) tracer.mark(v);
}

std::string disassemble(const FunctionTemplate& fn) {
    std::string out = "function " + (fn.name.empty() ? std::string("<anonymous>") : fn.name) + " locals=" +
                      std::to_string(fn.local_count) + " stack=" + std::to_string(fn.max_stack) + "\n";
    for (size_t pc = 0; pc < fn.code.size(); ++pc) {
        Opcode op = decode_op(fn.code[pc]);
        out += "  " + std::to_string(pc) + ": " + opcode_name(op) + " " + std::to_string(decode_a(fn.code[pc]));
        if (opcode_has_b(op)) out += ", " + std::to_string(fn.code[++pc]);
        out += "\n";
    }
    for (auto* c : fn.children) out += disassemble(*c);
    return out;
}

// ---------------------------------------------------------------- functions

JsClosure* Dispatch::make_closure(Interpreter& vm, FunctionTemplate* t, Environment* env) {
    Isolate& isolate = vm.isolate_;
    Realm& r = isolate.realm();
    bool gen = t->has(kFnGenerator), async = t->has(kFnAsync);
    JsObject* proto = gen ? (async ? r.async_generator_function_prototype : r.generator_function_prototype)
                      : async ? r.async_function_prototype
                              : r.function_prototype;
    if (proto == nullptr) proto = r.function_prototype;
    auto* c = isolate.heap().make<JsClosure>(proto, t, env);
    c->name = isolate.intern(t->name).as_string();
    c->is_arrow = t->has(kFnArrow);
    c->is_constructor = !(t->has(kFnArrow) || t->has(kFnMethod) || gen || async);
    c->props.add(isolate.intern("length"), Value::number(t->length), kConfigurable);
    c->props.add(isolate.intern("name"), Value::string(c->name), kConfigurable);
    if (c->is_constructor) {
        JsObject* p = isolate.new_object();
        p->props.add(isolate.intern("constructor"), Value::object(c), kHiddenFlags);
        c->props.add(isolate.intern("prototype"), Value::object(p), kWritable);
    } else if (gen) {
        JsObject* gp = async ? r.async_generator_prototype : r.generator_prototype;
        JsObject* p = isolate.new_object_with_proto(gp != nullptr ? gp : r.object_prototype);
        c->props.add(isolate.intern("prototype"), Value::object(p), kWritable);
    }
    return c;
}

std::string Dispatch::describe_for_error(Interpreter& vm, Value v) {
    Isolate& isolate = vm.isolate_;
    if (v.is_string()) return v.as_string()->str();
    if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
    if (!v.is_object()) return to_string(isolate, v);
    if (is_callable(v)) {
        JsString* n = static_cast<JsFunction*>(v.as_object())->name;
        return n != nullptr && n->byte_length() > 0 ? n->str() : "function";
    }
    if (v.as_object()->cls == ObjectClass::Array) return "[object Array]";
    return "#<Object>";
}

Value Dispatch::create_class(Interpreter& vm, FunctionTemplate* t, Environment* env, bool has_heritage,
                             Value heritage, Value* proto_out) {
    Isolate& isolate = vm.isolate_;
    Realm& r = isolate.realm();
    JsObject* proto_parent = r.object_prototype;
    JsObject* ctor_parent = r.function_prototype;
    if (has_heritage) {
        if (heritage.is_null()) {
            proto_parent = nullptr;
        } else if (!is_constructor(heritage)) {
            isolate.throw_type_error("Class extends value " + describe_for_error(vm, heritage) +
                                     " is not a constructor or null");
        } else {
            Value pp = get(isolate, heritage, "prototype");
            if (!pp.is_object() && !pp.is_null()) {
                isolate.throw_type_error("Class extends value does not have valid prototype property " +
                                         to_string(isolate, pp));
            }
            proto_parent = pp.is_null() ? nullptr : pp.as_object();
            ctor_parent = heritage.as_object();
        }
    }
    JsObject* proto = isolate.new_object_with_proto(proto_parent);
    auto* ctor = isolate.heap().make<JsClosure>(ctor_parent, t, env);
    ctor->name = isolate.intern(t->name).as_string();
    ctor->is_constructor = true;
    ctor->is_class_constructor = true;
    ctor->home_object = proto;
    ctor->props.add(isolate.intern("length"), Value::number(t->length), kConfigurable);
    ctor->props.add(isolate.intern("name"), Value::string(ctor->name), kConfigurable);
    ctor->props.add(isolate.intern("prototype"), Value::object(proto), 0);
    proto->props.add(isolate.intern("constructor"), Value::object(ctor), kHiddenFlags);
    *proto_out = Value::object(proto);
    return Value::object(ctor);
}

// Function.prototype.toString (20.2.3.5) for closures: the source text the
// function was parsed from (builtins_object.cpp links to this).
std::string closure_source_text(Isolate& isolate, JsFunction* fn) {
    const FunctionTemplate* t = static_cast<JsClosure*>(fn)->tmpl;
    if (t->script && t->source_end > t->source_start && t->source_end <= t->script->source.size()) {
        return t->script->source.substr(t->source_start, t->source_end - t->source_start);
    }
    std::string name = fn->name != nullptr ? fn->name->str() : std::string();
    return "function " + name + "() { [native code] }";
}

void Dispatch::define_method(Interpreter& vm, JsObject* target, Value key, Value fn, uint32_t kind, bool enumerable) {
    Isolate& isolate = vm.isolate_;
    key = isolate.to_property_key(key);
    auto* f = static_cast<JsFunction*>(fn.as_object());
    if (f->kind == FunctionKind::Closure) static_cast<JsClosure*>(f)->home_object = target;
    if (key.is_symbol() && f->name != nullptr && f->name->byte_length() == 0) {
        f->name = isolate.intern("[" + key.as_symbol()->description + "]").as_string();
        define_own_property(isolate, f, isolate.intern("name"), Value::string(f->name), kConfigurable);
    } else if (f->name != nullptr && f->name->byte_length() == 0 && key.is_string()) {
        f->name = key.as_string();
        define_own_property(isolate, f, isolate.intern("name"), key, kConfigurable);
    }
    // SetFunctionName with prefix (10.2.9): accessors are named "get x" / "set x".
    if (kind != 0 && f->name != nullptr) {
        f->name = isolate.intern(std::string(kind == 1 ? "get " : "set ") + f->name->str()).as_string();
        define_own_property(isolate, f, isolate.intern("name"), Value::string(f->name), kConfigurable);
    }
    if (kind == 0) {
        define_own_property(isolate, target, key, fn, enumerable ? kDefaultFlags : kHiddenFlags);
        return;
    }
    OwnProperty existing = get_own_property(isolate, target, key);
    JsAccessor* acc;
    if (existing.found && (existing.flags & kAccessor)) {
        acc = as_accessor(existing.value);
    } else {
        acc = isolate.heap().make<JsAccessor>();
    }
    if (kind == 1) acc->getter = fn;
    else acc->setter = fn;
    define_own_property(isolate, target, key, accessor_value(acc),
                        (enumerable ? kEnumerable : 0) | kConfigurable | kAccessor);
}

// super[key] = v: HomeObject.[[Prototype]].[[Set]](key, v, this) (13.3.7.3,
// OrdinarySet 10.1.9.2 with the receiver `this`).
void Dispatch::set_super(Interpreter& vm, Value func, Value this_value, Value key, Value v) {
    Isolate& isolate = vm.isolate_;
    key = isolate.to_property_key(key);
    JsObject* home = nullptr;
    if (func.is_object() && static_cast<JsFunction*>(func.as_object())->kind == FunctionKind::Closure) {
        home = static_cast<JsClosure*>(func.as_object())->home_object;
    }
    for (JsObject* p = home != nullptr ? home->proto : nullptr; p != nullptr; p = p->proto) {
        OwnProperty own = get_own_property(isolate, p, key);
        if (!own.found) continue;
        if (own.flags & kAccessor) {
            Value setter = as_accessor(own.value)->setter;
            if (setter.is_undefined()) {
                isolate.throw_type_error("Cannot set property " + to_string(isolate, key) + " of " +
                                         describe_for_error(vm, this_value) + " which has only a getter");
            }
            isolate.call(setter, this_value, std::span<const Value>(&v, 1));
            return;
        }
        if (!(own.flags & kWritable)) {
            isolate.throw_type_error("Cannot assign to read only property '" + to_string(isolate, key) + "' of object");
        }
        break;
    }
    if (!this_value.is_object()) {
        set(isolate, this_value, key, v, true);
        return;
    }
    OwnProperty mine = get_own_property(isolate, this_value.as_object(), key);
    if (mine.found) set(isolate, this_value, key, v, true);
    else create_data_property(isolate, this_value.as_object(), key, v);
}

Value Dispatch::get_super(Interpreter& vm, Value func, Value this_value, Value key) {
    Isolate& isolate = vm.isolate_;
    key = isolate.to_property_key(key);
    if (!func.is_object()) return Value::undefined();
    auto* fn = static_cast<JsFunction*>(func.as_object());
    if (fn->kind != FunctionKind::Closure) return Value::undefined();
    JsObject* home = static_cast<JsClosure*>(fn)->home_object;
    if (home == nullptr) return Value::undefined();
    for (JsObject* p = home->proto; p != nullptr; p = p->proto) {
        OwnProperty own = get_own_property(isolate, p, key);
        if (!own.found) continue;
        if (own.flags & kAccessor) {
            Value getter = as_accessor(own.value)->getter;
            return getter.is_undefined() ? Value::undefined() : isolate.call(getter, this_value, {});
        }
        return own.value;
    }
    return Value::undefined();
}

JsObject* Dispatch::make_arguments(Interpreter& vm, Frame* f) {
    Isolate& isolate = vm.isolate_;
    JsObject* args = isolate.heap().make<JsObject>(isolate.realm().object_prototype, ObjectClass::Arguments);
    for (size_t i = 0; i < f->argv.size(); ++i) {
        args->props.add(isolate.intern(std::to_string(i)), f->argv[i], kDefaultFlags);
    }
    args->props.add(isolate.intern("length"), Value::number(static_cast<double>(f->argv.size())), kHiddenFlags);
    if (isolate.realm().array_prototype != nullptr) {
        Value values = get(isolate, Value::object(isolate.realm().array_prototype),
                           Value::symbol(isolate.symbols().iterator));
        args->props.add(Value::symbol(isolate.symbols().iterator), values, kHiddenFlags);
    }
    if (f->callee != nullptr) args->props.add(isolate.intern("callee"), Value::object(f->callee), kHiddenFlags);
    return args;
}

// ---------------------------------------------------------------- operators

Value Dispatch::add_slow(Interpreter& vm, Value a, Value b) {
    Isolate& isolate = vm.isolate_;
    Value pa = to_primitive(isolate, a);
    Value pb = to_primitive(isolate, b);
    if (pa.is_string() || pb.is_string()) {
        return isolate.concat(to_string_value(isolate, pa), to_string_value(isolate, pb));
    }
    if (pa.is_bigint() || pb.is_bigint()) return bigint_binary(isolate, BigIntOp::Add, pa, pb);
    return Value::number(to_number(isolate, pa) + to_number(isolate, pb));
}

Value Dispatch::unary_bigint(Interpreter& vm, Opcode op, Value v) {
    Isolate& isolate = vm.isolate_;
    switch (op) {
        case Opcode::Neg: return bigint_negate(isolate, v);
        case Opcode::BitNot: return bigint_bitwise_not(isolate, v);
        case Opcode::Inc: return bigint_increment(isolate, v, 1);
        default: return bigint_increment(isolate, v, -1);
    }
}

bool Dispatch::truthy(Value v) {
    if (v.is_bigint()) return !bigint_is_zero(v);
    return to_boolean(v);
}

Value Dispatch::arith_slow(Interpreter& vm, Opcode op, Value a, Value b) {
    Isolate& isolate = vm.isolate_;
    Value pa = to_primitive(isolate, a, "number");
    Value pb = to_primitive(isolate, b, "number");
    if (pa.is_bigint() || pb.is_bigint()) {
        BigIntOp bop;
        switch (op) {
            case Opcode::Sub: bop = BigIntOp::Sub; break;
            case Opcode::Mul: bop = BigIntOp::Mul; break;
            case Opcode::Div: bop = BigIntOp::Div; break;
            case Opcode::Mod: bop = BigIntOp::Mod; break;
            case Opcode::Exp: bop = BigIntOp::Exp; break;
            case Opcode::BitAnd: bop = BigIntOp::BitAnd; break;
            case Opcode::BitOr: bop = BigIntOp::BitOr; break;
            case Opcode::BitXor: bop = BigIntOp::BitXor; break;
            case Opcode::Shl: bop = BigIntOp::Shl; break;
            case Opcode::Shr: bop = BigIntOp::Shr; break;
            default:
                if (pa.is_bigint() && pb.is_bigint()) {
                    isolate.throw_type_error("BigInts have no unsigned right shift, use >> instead");
                }
                bop = BigIntOp::Add;
                break;
        }
        return bigint_binary(isolate, bop, pa, pb);
    }
    double x = to_number(isolate, pa), y = to_number(isolate, pb);
    switch (op) {
        case Opcode::Sub: return Value::number(x - y);
        case Opcode::Mul: return Value::number(x * y);
        case Opcode::Div: return Value::number(x / y);
        case Opcode::Mod: return Value::number(std::fmod(x, y));
        case Opcode::Exp:
            if (std::isnan(y) || ((x == 1 || x == -1) && std::isinf(y))) return Value::number(NAN);
            return Value::number(std::pow(x, y));
        case Opcode::BitAnd: return Value::number(to_int32(x) & to_int32(y));
        case Opcode::BitOr: return Value::number(to_int32(x) | to_int32(y));
        case Opcode::BitXor: return Value::number(to_int32(x) ^ to_int32(y));
        case Opcode::Shl: return Value::number(static_cast<int32_t>(static_cast<uint32_t>(to_int32(x)) << (to_uint32(y) & 31)));
        case Opcode::Shr: return Value::number(to_int32(x) >> (to_uint32(y) & 31));
        case Opcode::UShr: return Value::number(static_cast<double>(to_uint32(x) >> (to_uint32(y) & 31)));
        default: return Value::number(NAN);
    }
}

// IsLessThan (7.2.13): false with *undefined_result when a NaN is involved.
bool Dispatch::less_than(Interpreter& vm, Value a, Value b, bool left_first, bool* undefined_result) {
    Isolate& isolate = vm.isolate_;
    Value pa, pb;
    if (left_first) {
        pa = to_primitive(isolate, a, "number");
        pb = to_primitive(isolate, b, "number");
    } else {
        pb = to_primitive(isolate, b, "number");
        pa = to_primitive(isolate, a, "number");
    }
    if (pa.is_bigint() || pb.is_bigint()) {
        int c;
        if (pa.is_bigint() && pb.is_bigint()) {
            c = bigint_compare(pa, pb);
        } else if (pa.is_bigint()) {
            Value other;
            if (pb.is_string()) {
                if (!string_to_bigint(isolate, pb.as_string()->view(), &other)) c = 2;
                else c = bigint_compare(pa, other);
            } else {
                c = bigint_compare_number(pa, to_number(isolate, pb));
            }
        } else {
            Value other;
            if (pa.is_string()) {
                if (!string_to_bigint(isolate, pa.as_string()->view(), &other)) c = 2;
                else c = -bigint_compare(pb, other);
            } else {
                int r = bigint_compare_number(pb, to_number(isolate, pa));
                c = r == 2 ? 2 : -r;
            }
        }
        if (c == 2) {
            *undefined_result = true;
            return false;
        }
        return c < 0;
    }
    if (pa.is_string() && pb.is_string()) {
        JsString* x = pa.as_string();
        JsString* y = pb.as_string();
        if (x->is_ascii() && y->is_ascii()) return x->str() < y->str();
        return x->utf16() < y->utf16();
    }
    double nx = to_number(isolate, pa), ny = to_number(isolate, pb);
    if (std::isnan(nx) || std::isnan(ny)) {
        *undefined_result = true;
        return false;
    }
    return nx < ny;
}

// ---------------------------------------------------------------- iteration

namespace {

bool has_builtin_array_iterator(Isolate& isolate, JsArray* a) {
    JsObject* ap = isolate.realm().array_prototype;
    if (a->proto != ap || ap == nullptr) return false;
    Value key = Value::symbol(isolate.symbols().iterator);
    if (a->props.find(key) != nullptr) return false;
    const PropertySlot* s = ap->props.find(key);
    if (s == nullptr || (s->flags & kAccessor) || !is_callable(s->value)) return false;
    auto* fn = static_cast<JsFunction*>(s->value.as_object());
    return fn->kind == FunctionKind::Native && fn->name != nullptr && fn->name->view() == "values";
}

}  // namespace

// V8 names the expression: "obj is not iterable".
void Dispatch::check_iterable(Interpreter& vm, Value iterable, Value text) {
    Isolate& isolate = vm.isolate_;
    if (iterable.is_object() && iterable.as_object()->cls == ObjectClass::Array) return;
    if (iterable.is_string()) return;
    Value method = iterable.is_nullish() ? Value::undefined()
                                         : get(isolate, iterable, Value::symbol(isolate.symbols().iterator));
    if (is_callable(method)) return;
    std::string what = text.is_string() ? text.as_string()->str() : to_string(isolate, iterable);
    isolate.throw_type_error(what + " is not iterable");
}

Value Dispatch::get_iterator_record(Interpreter& vm, Value iterable, bool async) {
    Isolate& isolate = vm.isolate_;
    auto* rec = isolate.heap().make<IterRecord>();
    if (!async && iterable.is_object() && iterable.as_object()->cls == ObjectClass::Array &&
        has_builtin_array_iterator(isolate, static_cast<JsArray*>(iterable.as_object()))) {
        rec->array = static_cast<JsArray*>(iterable.as_object());
        return Value::object(rec);
    }
    vm.temp_roots_.push_back(Value::object(rec));
    struct Pop {
        std::vector<Value>& roots;
        ~Pop() { roots.pop_back(); }
    } pop{vm.temp_roots_};
    if (async) {
        Value method = iterable.is_nullish() ? Value::undefined()
                                             : get(isolate, iterable, Value::symbol(isolate.symbols().async_iterator));
        if (is_callable(method)) {
            rec->iterator = isolate.call(method, iterable, {});
            if (!rec->iterator.is_object()) isolate.throw_type_error("Result of the Symbol.asyncIterator method is not an object");
            rec->is_async = true;
        } else {
            rec->iterator = get_iterator(isolate, iterable);
            rec->sync_fallback = true;
        }
    } else {
        rec->iterator = get_iterator(isolate, iterable);
    }
    rec->next = get(isolate, rec->iterator, "next");
    return Value::object(rec);
}

bool Dispatch::iter_step(Interpreter& vm, IterRecord* rec, Value* out) {
    Isolate& isolate = vm.isolate_;
    if (rec->array != nullptr) {
        auto& el = rec->array->elements;
        if (rec->index < el.size()) {
            Value v = el[rec->index++];
            *out = v.is_empty() ? Value::undefined() : v;
            return true;
        }
        rec->done = true;
        return false;
    }
    rec->done = true;  // a throwing next() leaves the iterator unclosed
    Value r = isolate.call(rec->next, rec->iterator, {});
    if (!r.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, r) + " is not an object");
    if (to_boolean(get(isolate, r, "done"))) return false;
    *out = get(isolate, r, "value");
    rec->done = false;
    return true;
}

void Dispatch::iter_close(Interpreter& vm, IterRecord* rec) {
    if (rec->done) return;
    rec->done = true;
    if (rec->array != nullptr) return;
    Isolate& isolate = vm.isolate_;
    Value ret = get(isolate, rec->iterator, "return");
    if (ret.is_nullish()) return;
    Value r = isolate.call(ret, rec->iterator, {});
    if (!r.is_object() && !rec->is_async) {
        isolate.throw_type_error("Iterator result " + to_string(isolate, r) + " is not an object");
    }
}

// AsyncIteratorClose steps 4-5c: false when there is nothing to await.
bool Dispatch::async_iter_close_call(Interpreter& vm, IterRecord* rec, Value* out) {
    if (rec->done) return false;
    rec->done = true;
    Isolate& isolate = vm.isolate_;
    Value ret = get(isolate, rec->iterator, "return");
    if (ret.is_nullish()) return false;
    *out = isolate.call(ret, rec->iterator, {});
    return true;
}

Value Dispatch::for_in_prepare(Interpreter& vm, Value obj) {
    Isolate& isolate = vm.isolate_;
    auto* rec = isolate.heap().make<IterRecord>();
    if (obj.is_nullish()) return Value::object(rec);
    JsObject* o = to_object(isolate, obj);
    rec->forin_object = o;
    std::unordered_set<uint64_t> seen;  // probed only, never iterated
    for (JsObject* p = o; p != nullptr; p = get_prototype_of(isolate, p)) {
        for (Value k : own_property_keys(isolate, p, KeyFilter::StringsOnly, false)) {
            if (!seen.insert(k.raw_bits()).second) continue;
            // A proxy's keys are filtered one by one as the loop reaches them
            // (its getOwnPropertyDescriptor trap runs then, as in V8).
            if (is_proxy(p) && p == o) {
                rec->keys.push_back(k);
                continue;
            }
            OwnProperty own = get_own_property(isolate, p, k);
            if (own.found && (own.flags & kEnumerable)) rec->keys.push_back(k);
        }
    }
    return Value::object(rec);
}

bool Dispatch::for_in_step(Interpreter& vm, IterRecord* rec, Value* out) {
    while (rec->index < rec->keys.size()) {
        Value k = rec->keys[rec->index++];
        JsObject* o = rec->forin_object;
        if (is_proxy(o)) {
            OwnProperty own = get_own_property(vm.isolate_, o, k);
            if (own.found && (own.flags & kEnumerable)) {
                *out = k;
                return true;
            }
            continue;
        }
        if (has_property(vm.isolate_, o, k)) {
            *out = k;
            return true;
        }
    }
    return false;
}

// One step of yield* (14.4.14): forwards next/throw/return to the inner
// iterator. kind 0: yield the inner result as is; 1: inner finished, value is
// the result of yield*; 2: return `value` from the generator.
void Dispatch::delegate_step(Interpreter& vm, IterRecord* rec, Value sent, int mode, Value* value, int* kind) {
    Isolate& isolate = vm.isolate_;
    Value it = rec->iterator;
    Value r;
    if (mode == static_cast<int>(ResumeMode::Next)) {
        r = rec->array != nullptr ? Value::undefined() : isolate.call(rec->next, it, std::span<const Value>(&sent, 1));
        if (rec->array != nullptr) {
            Value v;
            bool more = iter_step(vm, rec, &v);
            r = create_iter_result(isolate, more ? v : Value::undefined(), !more);
        }
    } else if (mode == static_cast<int>(ResumeMode::Throw)) {
        Value m = rec->array != nullptr ? Value::undefined() : get(isolate, it, "throw");
        if (m.is_nullish()) {
            iter_close(vm, rec);
            isolate.throw_type_error("The iterator does not provide a 'throw' method");
        }
        r = isolate.call(m, it, std::span<const Value>(&sent, 1));
    } else {
        Value m = rec->array != nullptr ? Value::undefined() : get(isolate, it, "return");
        if (m.is_nullish()) {
            *value = sent;
            *kind = 2;
            return;
        }
        r = isolate.call(m, it, std::span<const Value>(&sent, 1));
        if (!r.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, r) + " is not an object");
        if (to_boolean(get(isolate, r, "done"))) {
            *value = get(isolate, r, "value");
            *kind = 2;
            return;
        }
        *value = r;
        *kind = 0;
        return;
    }
    if (!r.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, r) + " is not an object");
    if (to_boolean(get(isolate, r, "done"))) {
        *value = get(isolate, r, "value");
        *kind = 1;
        return;
    }
    *value = r;
    *kind = 0;
}

// yield* in an async generator: kind 3 asks the code to await `value` (the
// inner call's promise) and step again with mode 4 and the settled result.
void Dispatch::async_delegate_step(Interpreter& vm, IterRecord* rec, Value sent, int mode, Value* value, int* kind) {
    Isolate& isolate = vm.isolate_;
    Value it = rec->iterator;
    if (mode == 4) {
        if (!sent.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, sent) + " is not an object");
        bool done = to_boolean(get(isolate, sent, "done"));
        *value = get(isolate, sent, "value");
        *kind = done ? (rec->pending_mode == ResumeMode::Return ? 2 : 1) : 0;
        return;
    }
    rec->pending_mode = static_cast<ResumeMode>(mode);
    Value m;
    if (mode == static_cast<int>(ResumeMode::Next)) {
        m = rec->next;
    } else {
        m = get(isolate, it, mode == static_cast<int>(ResumeMode::Throw) ? "throw" : "return");
        if (m.is_nullish()) {
            if (mode == static_cast<int>(ResumeMode::Return)) {
                *value = sent;
                *kind = 2;
                return;
            }
            isolate.throw_type_error("The iterator does not provide a 'throw' method");
        }
    }
    *value = isolate.call(m, it, std::span<const Value>(&sent, 1));
    *kind = 3;
}

// ---------------------------------------------------------------- generators and async

namespace {

Value await_settled(Isolate& isolate, const CallArgs& call, ResumeMode mode) {
    auto* holder = static_cast<JsSuspendable*>(call.callee->native_data.as_object());
    Interpreter& vm = isolate.interpreter();
    Outcome outcome;
    Value r = Dispatch::resume_frame(vm, holder, call.arg(0), mode, &outcome);
    if (holder->kind == JsSuspendable::Kind::AsyncGenerator) {
        Dispatch::async_generator_settle(vm, holder, outcome, r);
        Dispatch::async_generator_drain(vm, holder);
    }
    return Value::undefined();
}

Value await_fulfilled(Isolate& isolate, const CallArgs& call) { return await_settled(isolate, call, ResumeMode::Next); }
Value await_rejected(Isolate& isolate, const CallArgs& call) { return await_settled(isolate, call, ResumeMode::Throw); }

JsFunction* await_callback(Isolate& isolate, NativeFn fn, JsSuspendable* holder) {
    auto* f = isolate.heap().make<JsFunction>(isolate.realm().function_prototype, FunctionKind::Native);
    f->native = fn;
    f->native_data = Value::object(holder);
    f->name = isolate.intern("").as_string();
    f->is_node_internal = true;
    return f;
}

// AsyncGeneratorAwaitReturn (27.6.3.9) steps 6-9: the awaited return value
// settles the front request, then the queue drains on.
Value await_return_settled(Isolate& isolate, const CallArgs& call, bool fulfilled) {
    auto* gen = static_cast<JsSuspendable*>(call.callee->native_data.as_object());
    gen->awaiting_return = false;
    if (gen->queue.empty()) return Value::undefined();
    JsSuspendable::Request req = gen->queue.front();
    gen->queue.erase(gen->queue.begin());
    if (fulfilled) resolve_promise(isolate, req.promise, create_iter_result(isolate, call.arg(0), true));
    else reject_promise(isolate, req.promise, call.arg(0));
    Dispatch::async_generator_drain(isolate.interpreter(), gen);
    return Value::undefined();
}
Value await_return_fulfilled(Isolate& isolate, const CallArgs& call) { return await_return_settled(isolate, call, true); }
Value await_return_rejected(Isolate& isolate, const CallArgs& call) { return await_return_settled(isolate, call, false); }

void release_frame(Interpreter& vm, JsSuspendable* holder) {
    if (holder->frame == nullptr) return;
    delete holder->frame;
    holder->frame = nullptr;
}

}  // namespace

// Await (27.7.5.3): 2. Let promise be ? PromiseResolve(%Promise%, value).
// 3-8. onFulfilled / onRejected resume the parked frame with a normal or a
// throw completion. 9. PerformPromiseThen(promise, onFulfilled, onRejected).
void Dispatch::await_value(Interpreter& vm, JsSuspendable* holder, Value v) {
    Isolate& isolate = vm.isolate_;
    JsObject* promise = promise_resolve(isolate, v);
    JsFunction* on_fulfilled = await_callback(isolate, await_fulfilled, holder);
    JsFunction* on_rejected = await_callback(isolate, await_rejected, holder);
    perform_promise_then(isolate, promise, Value::object(on_fulfilled), Value::object(on_rejected), nullptr);
}

Value Dispatch::resume_frame(Interpreter& vm, JsSuspendable* holder, Value sent, ResumeMode mode, Outcome* outcome) {
    Isolate& isolate = vm.isolate_;
    Frame* f = holder->frame;
    if (f == nullptr) isolate.throw_type_error("looplab: resuming a finished frame");
    if (vm.depth_ >= isolate.limits().max_call_depth) isolate.throw_range_error("Maximum call stack size exceeded");
    f->caller = vm.current_;
    f->is_entry = true;
    vm.current_ = f;
    vm.depth_++;
    if (vm.observer_ != nullptr) vm.observer_->on_call_enter(f->callee, false);
    holder->state = JsSuspendable::State::Running;
    auto kind = static_cast<ResumeKind>(f->resume_kind);
    f->resume_kind = 0;
    Value* slots = f->slots.get();
    const Value* initial = nullptr;
    if (kind == ResumeKind::Yield) {
        slots[f->sp++] = sent;
        slots[f->sp++] = Value::number(static_cast<int>(mode));
    } else if (kind == ResumeKind::Await) {
        if (mode == ResumeMode::Throw) initial = &sent;
        else slots[f->sp++] = sent;
    }
    Value r = vm.run(f, initial);
    *outcome = static_cast<Outcome>(vm.last_outcome_);
    return r;
}

Value generator_resume(Isolate& isolate, Value generator, Value sent, ResumeMode mode) {
    if (!generator.is_object() || generator.as_object()->cls != ObjectClass::Generator) {
        const char* method = mode == ResumeMode::Next ? "next" : mode == ResumeMode::Throw ? "throw" : "return";
        isolate.throw_type_error(std::string(method) + " method called on incompatible receiver " +
                                 Dispatch::describe_for_error(isolate.interpreter(), generator));
    }
    auto* gen = static_cast<JsSuspendable*>(generator.as_object());
    Interpreter& vm = isolate.interpreter();
    if (gen->state == JsSuspendable::State::Running) isolate.throw_type_error("Generator is already running");
    if (gen->state == JsSuspendable::State::SuspendedStart && mode != ResumeMode::Next) {
        gen->state = JsSuspendable::State::Completed;
        release_frame(vm, gen);
    }
    if (gen->state == JsSuspendable::State::Completed) {
        if (mode == ResumeMode::Throw) isolate.throw_value(sent);
        return create_iter_result(isolate, mode == ResumeMode::Return ? sent : Value::undefined(), true);
    }
    Outcome outcome;
    return Dispatch::resume_frame(vm, gen, sent, mode, &outcome);
}

Value async_generator_enqueue(Isolate& isolate, Value generator, Value sent, ResumeMode mode) {
    JsObject* promise = new_promise(isolate);
    if (!generator.is_object() || generator.as_object()->cls != ObjectClass::AsyncGenerator) {
        reject_promise(isolate, promise, isolate.new_error(ErrorType::TypeError, "next method called on incompatible receiver"));
        return Value::object(promise);
    }
    auto* gen = static_cast<JsSuspendable*>(generator.as_object());
    gen->queue.push_back({mode, sent, promise});
    Dispatch::async_generator_drain(isolate.interpreter(), gen);
    return Value::object(promise);
}

void Dispatch::async_generator_settle(Interpreter& vm, JsSuspendable* gen, Outcome outcome, Value v) {
    if (outcome == Outcome::Awaited || gen->queue.empty()) return;
    Isolate& isolate = vm.isolate_;
    JsSuspendable::Request req = gen->queue.front();
    gen->queue.erase(gen->queue.begin());
    switch (outcome) {
        case Outcome::Yielded:
            resolve_promise(isolate, req.promise, create_iter_result(isolate, v, false));
            break;
        case Outcome::Returned:
            gen->state = JsSuspendable::State::Completed;
            resolve_promise(isolate, req.promise, create_iter_result(isolate, v, true));
            break;
        case Outcome::Threw:
            gen->state = JsSuspendable::State::Completed;
            reject_promise(isolate, req.promise, v);
            break;
        case Outcome::Awaited: break;
    }
}

// AsyncGeneratorResumeNext, simplified: serve queued requests while the
// generator is not running; completed generators answer immediately.
void Dispatch::async_generator_drain(Interpreter& vm, JsSuspendable* gen) {
    Isolate& isolate = vm.isolate_;
    for (size_t guard = 0; guard < 1'000'000 && !gen->queue.empty(); ++guard) {
        if (gen->state == JsSuspendable::State::Running || gen->awaiting_return) return;
        JsSuspendable::Request req = gen->queue.front();
        if (gen->state == JsSuspendable::State::SuspendedStart && req.mode != ResumeMode::Next) {
            gen->state = JsSuspendable::State::Completed;
            release_frame(vm, gen);
        }
        if (gen->state == JsSuspendable::State::Completed) {
            if (req.mode == ResumeMode::Return) {
                // AsyncGeneratorAwaitReturn: the request stays queued until
                // its value settles.
                gen->awaiting_return = true;
                JsObject* promise;
                try {
                    promise = promise_resolve(isolate, req.value);
                } catch (const JsException& e) {
                    gen->awaiting_return = false;
                    gen->queue.erase(gen->queue.begin());
                    reject_promise(isolate, req.promise, e.value);
                    continue;
                }
                JsFunction* on_fulfilled = await_callback(isolate, await_return_fulfilled, gen);
                JsFunction* on_rejected = await_callback(isolate, await_return_rejected, gen);
                perform_promise_then(isolate, promise, Value::object(on_fulfilled), Value::object(on_rejected), nullptr);
                return;
            }
            gen->queue.erase(gen->queue.begin());
            if (req.mode == ResumeMode::Throw) reject_promise(isolate, req.promise, req.value);
            else resolve_promise(isolate, req.promise,
                                 create_iter_result(isolate, req.mode == ResumeMode::Return ? req.value : Value::undefined(), true));
            continue;
        }
        Outcome outcome;
        Value r = resume_frame(vm, gen, req.value, req.mode, &outcome);
        async_generator_settle(vm, gen, outcome, r);
        if (outcome == Outcome::Awaited) return;
    }
}

// ---------------------------------------------------------------- prototypes

namespace {

Value gen_next(Isolate& isolate, const CallArgs& call) {
    return generator_resume(isolate, call.this_value, call.arg(0), ResumeMode::Next);
}
Value gen_return(Isolate& isolate, const CallArgs& call) {
    return generator_resume(isolate, call.this_value, call.arg(0), ResumeMode::Return);
}
Value gen_throw(Isolate& isolate, const CallArgs& call) {
    return generator_resume(isolate, call.this_value, call.arg(0), ResumeMode::Throw);
}
Value async_gen_next(Isolate& isolate, const CallArgs& call) {
    return async_generator_enqueue(isolate, call.this_value, call.arg(0), ResumeMode::Next);
}
Value async_gen_return(Isolate& isolate, const CallArgs& call) {
    return async_generator_enqueue(isolate, call.this_value, call.arg(0), ResumeMode::Return);
}
Value async_gen_throw(Isolate& isolate, const CallArgs& call) {
    return async_generator_enqueue(isolate, call.this_value, call.arg(0), ResumeMode::Throw);
}

void define_tag(Isolate& isolate, JsObject* target, const char* tag) {
    define_own_property(isolate, target, Value::symbol(isolate.symbols().to_string_tag), isolate.intern(tag),
                        kConfigurable);
}

Value code_from_string_constructor(Isolate& isolate, const CallArgs&) {
    isolate.throw_type_error("looplab: functions from strings are not supported (code from strings is not compiled)");
}

// %GeneratorFunction%, %AsyncFunction%, ... (27.3.1): constructors that
// would compile source text; they exist so `fn.constructor.name` and
// node's inspect see the spec's names.
void install_function_constructor(Isolate& isolate, JsObject* fn_proto, const char* name) {
    JsFunction* ctor = isolate.new_native_function(name, code_from_string_constructor, 1, true);
    Value function_ctor = get(isolate, Value::object(isolate.realm().global), "Function");
    if (function_ctor.is_object()) ctor->proto = function_ctor.as_object();
    define_own_property(isolate, ctor, isolate.intern("prototype"), Value::object(fn_proto), 0);
    define_own_property(isolate, fn_proto, isolate.intern("constructor"), Value::object(ctor), kConfigurable);
}

// %GeneratorFunction.prototype% and friends: `proto` is the prototype of
// generator objects, `fn_proto` the prototype of generator functions.
void install_kind(Isolate& isolate, JsObject* proto, JsObject* fn_proto, const char* tag, const char* fn_tag) {
    define_tag(isolate, proto, tag);
    define_tag(isolate, fn_proto, fn_tag);
    if (proto != nullptr) {
        define_own_property(isolate, fn_proto, isolate.intern("prototype"), Value::object(proto), kConfigurable);
        define_own_property(isolate, proto, isolate.intern("constructor"), Value::object(fn_proto), kConfigurable);
    }
    install_function_constructor(isolate, fn_proto, fn_tag);
}

}  // namespace

void install_vm_builtins(Isolate& isolate) {
    Realm& r = isolate.realm();
    if (r.generator_prototype != nullptr || r.object_prototype == nullptr) return;
    JsObject* iter = r.iterator_prototype != nullptr ? r.iterator_prototype : r.object_prototype;
    JsObject* async_iter = r.async_iterator_prototype != nullptr ? r.async_iterator_prototype : r.object_prototype;
    r.generator_prototype = isolate.new_object_with_proto(iter);
    isolate.define_method(r.generator_prototype, "next", gen_next, 1);
    isolate.define_method(r.generator_prototype, "return", gen_return, 1);
    isolate.define_method(r.generator_prototype, "throw", gen_throw, 1);
    r.generator_function_prototype = isolate.new_object_with_proto(r.function_prototype);
    install_kind(isolate, r.generator_prototype, r.generator_function_prototype, "Generator", "GeneratorFunction");

    r.async_generator_prototype = isolate.new_object_with_proto(async_iter);
    isolate.define_method(r.async_generator_prototype, "next", async_gen_next, 1);
    isolate.define_method(r.async_generator_prototype, "return", async_gen_return, 1);
    isolate.define_method(r.async_generator_prototype, "throw", async_gen_throw, 1);
    r.async_generator_function_prototype = isolate.new_object_with_proto(r.function_prototype);
    install_kind(isolate, r.async_generator_prototype, r.async_generator_function_prototype, "AsyncGenerator",
                 "AsyncGeneratorFunction");

    if (r.async_function_prototype == nullptr) {
        r.async_function_prototype = isolate.new_object_with_proto(r.function_prototype);
        define_tag(isolate, r.async_function_prototype, "AsyncFunction");
        install_function_constructor(isolate, r.async_function_prototype, "AsyncFunction");
    }
}

}  // namespace looplab::js
