// Number and Boolean (ECMAScript 21.1, 20.3), Math (21.3), and the global
// number functions parseInt, parseFloat, isNaN, isFinite with the
// constants NaN, Infinity and undefined (19.1, 19.2).
#include <bit>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "engine/js/builtins.h"
#include "engine/js/builtins_math_ieee754.h"
#include "engine/js/number_format.h"
#include "engine/js/operations.h"

namespace looplab::js {

namespace {

// ---------------------------------------------------------------- whitespace and parsing

// Skips JS WhiteSpace and LineTerminator code points (UTF-8).
size_t skip_js_whitespace(std::string_view s, size_t i) {
    while (i < s.size()) {
        unsigned char c = s[i];
        if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
            ++i;
            continue;
        }
        auto starts = [&](std::string_view seq) { return s.substr(i, seq.size()) == seq; };
        if (starts("\xC2\xA0")) { i += 2; continue; }  // NBSP
        if (starts("\xE1\x9A\x80") || starts("\xE2\x80\xA8") || starts("\xE2\x80\xA9") || starts("\xE2\x80\xAF") ||
            starts("\xE2\x81\x9F") || starts("\xE3\x80\x80") || starts("\xEF\xBB\xBF")) {
            i += 3;
            continue;
        }
        if (i + 2 < s.size() && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] >= 0x80 &&
            (unsigned char)s[i + 2] <= 0x8A) {  // U+2000..U+200A
            i += 3;
            continue;
        }
        break;
    }
    return i;
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// parseInt (19.2.5).
double parse_int(std::string_view s, int32_t radix) {
    size_t i = skip_js_whitespace(s, 0);
    double sign = 1;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        if (s[i] == '-') sign = -1;
        ++i;
    }
    bool strip_prefix = true;
    if (radix != 0) {
        if (radix < 2 || radix > 36) return NAN;
        if (radix != 16) strip_prefix = false;
    } else {
        radix = 10;
    }
    if (strip_prefix && i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        radix = 16;
    }
    size_t start = i;
    while (i < s.size() && digit_value(s[i]) < radix) ++i;
    if (i == start) return NAN;
    std::string digits(s.substr(start, i - start));
    if (radix == 10) return sign * std::strtod(digits.c_str(), nullptr);  // correctly rounded
    double value = 0;
    for (char c : digits) value = value * radix + digit_value(c);
    return sign * value;
}

// parseFloat (19.2.4): the longest prefix that is a StrDecimalLiteral.
double parse_float(std::string_view s) {
    size_t i = skip_js_whitespace(s, 0);
    size_t start = i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (s.substr(i, 8) == "Infinity") return s[start] == '-' ? -INFINITY : INFINITY;
    auto digits = [&] {
        size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i - from;
    };
    size_t int_digits = digits();
    size_t frac_digits = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        frac_digits = digits();
        if (frac_digits == 0 && int_digits == 0) return NAN;
        if (frac_digits == 0) --i;  // "1." parses as "1"; keep the dot out
    }
    if (int_digits == 0 && frac_digits == 0) return NAN;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t mark = i++;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (digits() == 0) i = mark;
    }
    return std::strtod(std::string(s.substr(start, i - start)).c_str(), nullptr);
}

// ---------------------------------------------------------------- Number

double this_number_value(Isolate& isolate, Value v, const char* method) {
    if (v.is_number()) return v.as_number();
    if (v.is_object() && v.as_object()->cls == ObjectClass::Number && v.as_object()->internal.is_number()) {
        return v.as_object()->internal.as_number();
    }
    isolate.throw_type_error(std::string(method) + " requires that 'this' be a Number");
}

double to_numeric_number(Isolate& isolate, Value v) {
    Value prim = to_primitive(isolate, v, "number");
    if (prim.is_bigint()) return std::strtod(prim.as_bigint()->decimal.c_str(), nullptr);
    return to_number(isolate, prim);
}

Value number_constructor(Isolate& isolate, const CallArgs& call) {
    double n = call.size() == 0 ? 0 : to_numeric_number(isolate, call.arg(0));
    if (!call.is_construct()) return Value::number(n);
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, isolate.realm().number_prototype);
    JsObject* wrapper = isolate.heap().make<JsObject>(proto, ObjectClass::Number);
    wrapper->internal = Value::number(n);
    return Value::object(wrapper);
}

bool is_integral(Value v) {
    if (!v.is_number() || !std::isfinite(v.as_number())) return false;
    return std::trunc(v.as_number()) == v.as_number();
}

Value number_is_finite(Isolate&, const CallArgs& call) {
    return Value::boolean(call.arg(0).is_number() && std::isfinite(call.arg(0).as_number()));
}
Value number_is_integer(Isolate&, const CallArgs& call) { return Value::boolean(is_integral(call.arg(0))); }
Value number_is_nan(Isolate&, const CallArgs& call) {
    return Value::boolean(call.arg(0).is_number() && std::isnan(call.arg(0).as_number()));
}
Value number_is_safe_integer(Isolate&, const CallArgs& call) {
    return Value::boolean(is_integral(call.arg(0)) && std::fabs(call.arg(0).as_number()) <= 9007199254740991.0);
}

Value global_parse_int(Isolate& isolate, const CallArgs& call) {
    std::string s = to_string(isolate, call.arg(0));
    return Value::number(parse_int(s, to_int32(isolate, call.arg(1))));
}
Value global_parse_float(Isolate& isolate, const CallArgs& call) {
    return Value::number(parse_float(to_string(isolate, call.arg(0))));
}
Value global_is_nan(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(std::isnan(to_number(isolate, call.arg(0))));
}
Value global_is_finite(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(std::isfinite(to_number(isolate, call.arg(0))));
}

int digits_argument(Isolate& isolate, Value v, int low, int high, const char* message) {
    double d = to_integer_or_infinity(isolate, v);
    if (d < low || d > high) isolate.throw_range_error(message);
    return static_cast<int>(d);
}

Value number_to_string_method(Isolate& isolate, const CallArgs& call) {
    double x = this_number_value(isolate, call.this_value, "Number.prototype.toString");
    if (call.arg(0).is_undefined()) return isolate.new_string(number_to_string(x));
    int radix = digits_argument(isolate, call.arg(0), 2, 36, "toString() radix must be between 2 and 36");
    if (radix == 10) return isolate.new_string(number_to_string(x));
    return isolate.new_string(number_to_radix_string(x, radix));
}

Value number_to_fixed_method(Isolate& isolate, const CallArgs& call) {
    double x = this_number_value(isolate, call.this_value, "Number.prototype.toFixed");
    int f = digits_argument(isolate, call.arg(0), 0, 100, "toFixed() digits argument must be between 0 and 100");
    return isolate.new_string(number_to_fixed(x, f));
}

Value number_to_exponential_method(Isolate& isolate, const CallArgs& call) {
    double x = this_number_value(isolate, call.this_value, "Number.prototype.toExponential");
    double f = to_integer_or_infinity(isolate, call.arg(0));
    if (!std::isfinite(x)) return isolate.new_string(number_to_string(x));
    if (f < 0 || f > 100) isolate.throw_range_error("toExponential() argument must be between 0 and 100");
    std::optional<int> digits;
    if (!call.arg(0).is_undefined()) digits = static_cast<int>(f);
    return isolate.new_string(number_to_exponential(x, digits));
}

Value number_to_precision_method(Isolate& isolate, const CallArgs& call) {
    double x = this_number_value(isolate, call.this_value, "Number.prototype.toPrecision");
    if (call.arg(0).is_undefined()) return isolate.new_string(number_to_string(x));
    double p = to_integer_or_infinity(isolate, call.arg(0));
    if (!std::isfinite(x)) return isolate.new_string(number_to_string(x));
    if (p < 1 || p > 100) isolate.throw_range_error("toPrecision() argument must be between 1 and 100");
    return isolate.new_string(number_to_precision(x, static_cast<int>(p)));
}

Value number_to_locale_string_method(Isolate& isolate, const CallArgs& call) {
    double x = this_number_value(isolate, call.this_value, "Number.prototype.toLocaleString");
    return isolate.new_string(number_to_locale_string(x));
}

Value number_value_of(Isolate& isolate, const CallArgs& call) {
    return Value::number(this_number_value(isolate, call.this_value, "Number.prototype.valueOf"));
}

// ---------------------------------------------------------------- Boolean

bool this_boolean_value(Isolate& isolate, Value v, const char* method) {
    if (v.is_bool()) return v.as_bool();
    if (v.is_object() && v.as_object()->cls == ObjectClass::Boolean && v.as_object()->internal.is_bool()) {
        return v.as_object()->internal.as_bool();
    }
    isolate.throw_type_error(std::string(method) + " requires that 'this' be a Boolean");
}

Value boolean_constructor(Isolate& isolate, const CallArgs& call) {
    bool b = to_boolean(call.arg(0));
    if (!call.is_construct()) return Value::boolean(b);
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, isolate.realm().boolean_prototype);
    JsObject* wrapper = isolate.heap().make<JsObject>(proto, ObjectClass::Boolean);
    wrapper->internal = Value::boolean(b);
    return Value::object(wrapper);
}

Value boolean_to_string(Isolate& isolate, const CallArgs& call) {
    return isolate.intern(this_boolean_value(isolate, call.this_value, "Boolean.prototype.toString") ? "true" : "false");
}

Value boolean_value_of(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(this_boolean_value(isolate, call.this_value, "Boolean.prototype.valueOf"));
}

// ---------------------------------------------------------------- Math

double arg_number(Isolate& isolate, const CallArgs& call, size_t i) { return to_number(isolate, call.arg(i)); }

template <double (*F)(double)>
Value math_unary(Isolate& isolate, const CallArgs& call) {
    return Value::number(F(arg_number(isolate, call, 0)));
}

double js_round(double x) {
    if (!std::isfinite(x) || x == std::trunc(x)) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    double r = std::floor(x);
    return x - r >= 0.5 ? r + 1 : r;
}
double js_sign(double x) {
    if (std::isnan(x) || x == 0) return x;
    return x > 0 ? 1 : -1;
}
double js_fround(double x) { return static_cast<double>(static_cast<float>(x)); }
double js_clz32(double x) {
    uint32_t n = to_uint32(x);
    return n == 0 ? 32 : std::countl_zero(n);
}
double js_abs(double x) { return std::fabs(x); }
double js_acos(double x) { return std::acos(x); }
double js_acosh(double x) { return std::acosh(x); }
double js_asin(double x) { return std::asin(x); }
double js_asinh(double x) { return std::asinh(x); }
double js_atan(double x) { return std::atan(x); }
double js_atanh(double x) { return std::atanh(x); }
double js_ceil(double x) { return std::ceil(x); }
double js_cbrt(double x) { return ieee754::cbrt(x); }
double js_expm1(double x) { return std::expm1(x); }
double js_cos(double x) { return std::cos(x); }
double js_cosh(double x) { return std::cosh(x); }
double js_exp(double x) { return std::exp(x); }
double js_floor(double x) { return std::floor(x); }
double js_log(double x) { return std::log(x); }
double js_log1p(double x) { return std::log1p(x); }
double js_log2(double x) { return std::log2(x); }
double js_log10(double x) { return std::log10(x); }
double js_sin(double x) { return std::sin(x); }
double js_sinh(double x) { return std::sinh(x); }
double js_sqrt(double x) { return std::sqrt(x); }
double js_tan(double x) { return std::tan(x); }
double js_tanh(double x) { return std::tanh(x); }
double js_trunc(double x) { return std::trunc(x); }

Value math_atan2(Isolate& isolate, const CallArgs& call) {
    double y = arg_number(isolate, call, 0);
    return Value::number(std::atan2(y, arg_number(isolate, call, 1)));
}

// Number::exponentiate (6.1.6.1.3): differs from C pow for NaN exponents of 1 and ±1 ** ±Infinity.
double js_pow(double base, double exponent) {
    if (std::isnan(exponent)) return NAN;
    if (std::fabs(base) == 1 && std::isinf(exponent)) return NAN;
    return std::pow(base, exponent);
}

Value math_pow(Isolate& isolate, const CallArgs& call) {
    double base = arg_number(isolate, call, 0);
    return Value::number(js_pow(base, arg_number(isolate, call, 1)));
}

Value math_imul(Isolate& isolate, const CallArgs& call) {
    uint32_t a = to_uint32(isolate, call.arg(0));
    uint32_t b = to_uint32(isolate, call.arg(1));
    return Value::number(static_cast<int32_t>(a * b));
}

// Math.max / Math.min: every argument is converted first; NaN wins; -0 < +0.
Value math_extremum(Isolate& isolate, const CallArgs& call, bool want_max) {
    double result = want_max ? -INFINITY : INFINITY;
    bool saw_nan = false;
    for (size_t i = 0; i < call.size(); ++i) {
        double x = arg_number(isolate, call, i);
        if (std::isnan(x)) saw_nan = true;
        if (saw_nan) continue;
        bool better = want_max ? (x > result || (x == 0 && result == 0 && !std::signbit(x)))
                               : (x < result || (x == 0 && result == 0 && std::signbit(x)));
        if (better) result = x;
    }
    return Value::number(saw_nan ? NAN : result);
}
Value math_max(Isolate& isolate, const CallArgs& call) { return math_extremum(isolate, call, true); }
Value math_min(Isolate& isolate, const CallArgs& call) { return math_extremum(isolate, call, false); }

Value math_hypot(Isolate& isolate, const CallArgs& call) {
    std::vector<double> values;
    for (size_t i = 0; i < call.size(); ++i) values.push_back(arg_number(isolate, call, i));
    bool saw_nan = false;
    double largest = 0;
    for (double x : values) {
        if (std::isinf(x)) return Value::number(INFINITY);
        if (std::isnan(x)) saw_nan = true;
        largest = std::max(largest, std::fabs(x));
    }
    if (saw_nan) return Value::number(NAN);
    if (largest == 0) return Value::number(0);
    // Scale by the largest and use Kahan summation, as V8 does.
    double sum = 0, compensation = 0;
    for (double x : values) {
        double r = x / largest;
        double summand = r * r - compensation;
        double preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    return Value::number(std::sqrt(sum) * largest);
}

Value math_random(Isolate& isolate, const CallArgs&) { return Value::number(isolate.next_random()); }

void install_math(Isolate& isolate) {
    JsObject* math = isolate.new_object();
    struct Fn {
        const char* name;
        NativeFn fn;
        int length;
    };
    const Fn functions[] = {
        {"abs", math_unary<js_abs>, 1},     {"acos", math_unary<js_acos>, 1},   {"acosh", math_unary<js_acosh>, 1},
        {"asin", math_unary<js_asin>, 1},   {"asinh", math_unary<js_asinh>, 1}, {"atan", math_unary<js_atan>, 1},
        {"atanh", math_unary<js_atanh>, 1}, {"atan2", math_atan2, 2},           {"ceil", math_unary<js_ceil>, 1},
        {"cbrt", math_unary<js_cbrt>, 1},   {"expm1", math_unary<js_expm1>, 1}, {"clz32", math_unary<js_clz32>, 1},
        {"cos", math_unary<js_cos>, 1},     {"cosh", math_unary<js_cosh>, 1},   {"exp", math_unary<js_exp>, 1},
        {"floor", math_unary<js_floor>, 1}, {"fround", math_unary<js_fround>, 1}, {"hypot", math_hypot, 2},
        {"imul", math_imul, 2},             {"log", math_unary<js_log>, 1},     {"log1p", math_unary<js_log1p>, 1},
        {"log2", math_unary<js_log2>, 1},   {"log10", math_unary<js_log10>, 1}, {"max", math_max, 2},
        {"min", math_min, 2},               {"pow", math_pow, 2},               {"random", math_random, 0},
        {"round", math_unary<js_round>, 1}, {"sign", math_unary<js_sign>, 1},   {"sin", math_unary<js_sin>, 1},
        {"sinh", math_unary<js_sinh>, 1},   {"sqrt", math_unary<js_sqrt>, 1},   {"tan", math_unary<js_tan>, 1},
        {"tanh", math_unary<js_tanh>, 1},   {"trunc", math_unary<js_trunc>, 1},
    };
    for (const Fn& f : functions) isolate.define_method(math, f.name, f.fn, f.length);
    const std::pair<const char*, double> constants[] = {
        {"E", M_E}, {"LN10", M_LN10}, {"LN2", M_LN2}, {"LOG10E", M_LOG10E}, {"LOG2E", M_LOG2E},
        {"PI", M_PI}, {"SQRT1_2", M_SQRT1_2}, {"SQRT2", M_SQRT2},
    };
    for (auto [name, value] : constants) isolate.define_value(math, name, Value::number(value), 0);
    define_own_property(isolate, math, Value::symbol(isolate.symbols().to_string_tag), isolate.intern("Math"),
                        kConfigurable);
    isolate.define_value(isolate.realm().global, "Math", Value::object(math));
}

// ---------------------------------------------------------------- installation

void install_number(Isolate& isolate, JsFunction* parse_int_fn, JsFunction* parse_float_fn) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.heap().make<JsObject>(realm.object_prototype, ObjectClass::Number);
    proto->internal = Value::number(0);
    realm.number_prototype = proto;
    JsFunction* ctor = isolate.new_native_function("Number", number_constructor, 1, true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor));
    isolate.define_method(ctor, "isFinite", number_is_finite, 1);
    isolate.define_method(ctor, "isInteger", number_is_integer, 1);
    isolate.define_method(ctor, "isNaN", number_is_nan, 1);
    isolate.define_method(ctor, "isSafeInteger", number_is_safe_integer, 1);
    isolate.define_value(ctor, "parseFloat", Value::object(parse_float_fn));
    isolate.define_value(ctor, "parseInt", Value::object(parse_int_fn));
    const std::pair<const char*, double> constants[] = {
        {"MAX_VALUE", 1.7976931348623157e308}, {"MIN_VALUE", 5e-324}, {"NaN", NAN},
        {"NEGATIVE_INFINITY", -INFINITY}, {"POSITIVE_INFINITY", INFINITY},
        {"MAX_SAFE_INTEGER", 9007199254740991.0}, {"MIN_SAFE_INTEGER", -9007199254740991.0},
        {"EPSILON", 2.220446049250313e-16},
    };
    for (auto [name, value] : constants) isolate.define_value(ctor, name, Value::number(value), 0);

    isolate.define_method(proto, "toExponential", number_to_exponential_method, 1);
    isolate.define_method(proto, "toFixed", number_to_fixed_method, 1);
    isolate.define_method(proto, "toPrecision", number_to_precision_method, 1);
    isolate.define_method(proto, "toString", number_to_string_method, 1);
    isolate.define_method(proto, "toLocaleString", number_to_locale_string_method, 0);
    isolate.define_method(proto, "valueOf", number_value_of, 0);
    isolate.define_value(realm.global, "Number", Value::object(ctor));
}

void install_boolean(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.heap().make<JsObject>(realm.object_prototype, ObjectClass::Boolean);
    proto->internal = Value::boolean(false);
    realm.boolean_prototype = proto;
    JsFunction* ctor = isolate.new_native_function("Boolean", boolean_constructor, 1, true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor));
    isolate.define_method(proto, "toString", boolean_to_string, 0);
    isolate.define_method(proto, "valueOf", boolean_value_of, 0);
    isolate.define_value(realm.global, "Boolean", Value::object(ctor));
}

}  // namespace

void install_number_builtins(Isolate& isolate) {
    JsObject* global = isolate.realm().global;
    JsFunction* parse_int_fn = isolate.new_native_function("parseInt", global_parse_int, 2);
    JsFunction* parse_float_fn = isolate.new_native_function("parseFloat", global_parse_float, 1);
    install_number(isolate, parse_int_fn, parse_float_fn);
    install_boolean(isolate);
    install_math(isolate);
    isolate.define_value(global, "parseInt", Value::object(parse_int_fn));
    isolate.define_value(global, "parseFloat", Value::object(parse_float_fn));
    isolate.define_method(global, "isNaN", global_is_nan, 1);
    isolate.define_method(global, "isFinite", global_is_finite, 1);
    isolate.define_value(global, "NaN", Value::number(NAN), 0);
    isolate.define_value(global, "Infinity", Value::number(INFINITY), 0);
    isolate.define_value(global, "undefined", Value::undefined(), 0);
}

}  // namespace looplab::js
