// The BigInt function and BigInt.prototype (ECMAScript 21.2). Arithmetic is
// in bigint.cpp, shared with the VM's operators.
#include "engine/js/bigint.h"
#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

Value small_bigint(Isolate& isolate, const char* decimal) {
    return Value::bigint(isolate.heap().make<JsBigInt>(decimal));
}

// 7.1.13 ToBigInt ( argument )
Value to_bigint(Isolate& isolate, Value v) {
    Value prim = to_primitive(isolate, v, "number");
    if (prim.is_bigint()) return prim;
    if (prim.is_bool()) return small_bigint(isolate, prim.as_bool() ? "1" : "0");
    if (prim.is_string()) {
        Value out;
        if (!string_to_bigint(isolate, prim.as_string()->view(), &out)) {
            isolate.throw_error(ErrorType::SyntaxError, "Cannot convert " + prim.as_string()->str() + " to a BigInt");
        }
        return out;
    }
    if (prim.is_symbol()) isolate.throw_type_error("Cannot convert a Symbol value to a BigInt");
    isolate.throw_type_error("Cannot convert " + to_string(isolate, prim) + " to a BigInt");
}

// 21.2.1.1 BigInt ( value )
Value bigint_function(Isolate& isolate, const CallArgs& call) {
    if (call.is_construct()) isolate.throw_type_error("BigInt is not a constructor");
    Value prim = to_primitive(isolate, call.arg(0), "number");
    if (prim.is_number()) return bigint_from_number(isolate, prim.as_number());
    return to_bigint(isolate, prim);
}

Value this_bigint(Isolate& isolate, Value v, const char* method) {
    if (v.is_bigint()) return v;
    if (v.is_object() && v.as_object()->cls == ObjectClass::BigInt) return v.as_object()->internal;
    isolate.throw_type_error(std::string("BigInt.prototype.") + method + " requires that 'this' be a BigInt");
}

Value bigint_to_string_method(Isolate& isolate, const CallArgs& call) {
    Value x = this_bigint(isolate, call.this_value, "toString");
    double radix = call.arg(0).is_undefined() ? 10 : to_integer_or_infinity(isolate, call.arg(0));
    if (radix < 2 || radix > 36) isolate.throw_range_error("toString() radix must be between 2 and 36");
    return isolate.new_string(bigint_to_string(x, static_cast<int>(radix)));
}

Value bigint_to_locale_string(Isolate& isolate, const CallArgs& call) {
    // en-US grouping, as Node's default ICU locale prints it.
    std::string digits = this_bigint(isolate, call.this_value, "toLocaleString").as_bigint()->decimal;
    bool negative = !digits.empty() && digits[0] == '-';
    if (negative) digits.erase(0, 1);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return isolate.new_string((negative ? "-" : "") + out);
}

Value bigint_value_of(Isolate& isolate, const CallArgs& call) { return this_bigint(isolate, call.this_value, "valueOf"); }

// 21.2.2.1 BigInt.asIntN / 21.2.2.2 BigInt.asUintN: x modulo 2^bits.
Value as_n_bits(Isolate& isolate, const CallArgs& call, bool is_signed) {
    double bits = to_integer_or_infinity(isolate, call.arg(0));
    if (bits < 0 || bits > 9007199254740991.0) isolate.throw_range_error("Invalid value: not (convertible to) a safe integer");
    Value x = to_bigint(isolate, call.arg(1));
    if (bits == 0) return small_bigint(isolate, "0");
    Value two = small_bigint(isolate, "2");
    Value modulus = bigint_binary(isolate, BigIntOp::Exp, two, bigint_from_number(isolate, bits));
    Value r = bigint_binary(isolate, BigIntOp::Mod, x, modulus);
    if (r.as_bigint()->decimal[0] == '-') r = bigint_binary(isolate, BigIntOp::Add, r, modulus);
    if (is_signed) {
        Value half = bigint_binary(isolate, BigIntOp::Exp, two, bigint_from_number(isolate, bits - 1));
        if (bigint_compare(r, half) >= 0) r = bigint_binary(isolate, BigIntOp::Sub, r, modulus);
    }
    return r;
}

Value bigint_as_int_n(Isolate& isolate, const CallArgs& call) { return as_n_bits(isolate, call, true); }
Value bigint_as_uint_n(Isolate& isolate, const CallArgs& call) { return as_n_bits(isolate, call, false); }

}  // namespace

void install_bigint_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.bigint_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "BigInt", bigint_function, 1, proto);
    // BigInt is callable but `new BigInt()` throws; it still has a [[Construct]]
    // slot in V8's eyes only to report that error.
    isolate.define_method(ctor, "asIntN", bigint_as_int_n, 2);
    isolate.define_method(ctor, "asUintN", bigint_as_uint_n, 2);
    isolate.define_method(proto, "toLocaleString", bigint_to_locale_string, 0);
    isolate.define_method(proto, "toString", bigint_to_string_method, 0);
    isolate.define_method(proto, "valueOf", bigint_value_of, 0);
    define_to_string_tag(isolate, proto, "BigInt");
}

}  // namespace looplab::js
