// The "A" built-ins: Object, Array (sort order), Map/Set ordering, Number
// formatting, JSON. Every expected string was printed by node v20.20.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/js/array_sort.h"
#include "engine/js/builtins.h"
#include "engine/js/collections.h"
#include "engine/js/number_format.h"
#include "engine/js/operations.h"

using namespace looplab::js;

namespace {

struct Env {
    Isolate isolate;
    Env() { install_builtins(isolate); }
    Value global(const char* name) { return get(isolate, Value::object(isolate.realm().global), name); }
    Value str(const char* text) { return isolate.new_string(text); }
    Value num(double d) { return Value::number(d); }
    Value call(Value target, const char* method, std::initializer_list<Value> args) {
        std::vector<Value> list(args);
        return call_method(isolate, target, method, list);
    }
    Value array(std::initializer_list<Value> items) {
        std::vector<Value> list(items);
        return Value::object(isolate.new_array_from(list));
    }
    std::string text(Value v) { return to_string(isolate, v); }
    // The message of the error that running f throws.
    template <typename F>
    std::string error_message(F f) {
        try {
            f();
        } catch (const JsException& e) {
            return text(get(isolate, e.value, "message"));
        }
        return "(no exception)";
    }
    std::string stringify(Value v, Value replacer = Value::undefined(), Value space = Value::undefined()) {
        Value out = call(global("JSON"), "stringify", {v, replacer, space});
        return out.is_undefined() ? "undefined" : text(out);
    }
    std::string parse_error(const char* source) {
        return error_message([&] { call(global("JSON"), "parse", {str(source)}); });
    }
};

}  // namespace

// ---------------------------------------------------------------- sort

TEST_CASE("builtins: TimSort reproduces V8's order for inconsistent comparators") {
    auto run = [](std::vector<double> in, double (*cmp)(double, double)) {
        std::vector<Value> work;
        for (double d : in) work.push_back(Value::number(d));
        timsort(work, [&](Value a, Value b) { return cmp(a.as_number(), b.as_number()); });
        std::vector<double> out;
        for (Value v : work) out.push_back(v.as_number());
        return out;
    };
    // [3,1,2].sort((a,b)=>a>b) and [5,1,4,...].sort((a,b)=>a>b) leave the arrays as they are.
    auto greater = [](double a, double b) { return a > b ? 1.0 : 0.0; };
    CHECK(run({3, 1, 2}, greater) == std::vector<double>{3, 1, 2});
    CHECK(run({5, 1, 4, 2, 3, 9, 8, 7, 6, 0}, greater) == std::vector<double>{5, 1, 4, 2, 3, 9, 8, 7, 6, 0});
    // [1,2,3,4,5].sort(() => -1) reverses.
    CHECK(run({1, 2, 3, 4, 5}, [](double, double) { return -1.0; }) == std::vector<double>{5, 4, 3, 2, 1});
}

TEST_CASE("builtins: TimSort is a stable sort on large inputs") {
    // 100k records with many equal keys: compare only the key, check the
    // payload order against std::stable_sort.
    std::vector<Value> work;
    uint64_t seed = 12345;
    for (int i = 0; i < 100000; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int key = static_cast<int>((seed >> 33) % 1000);
        work.push_back(Value::number(key * 1'000'000.0 + i));
    }
    std::vector<Value> expected = work;
    auto key_of = [](Value v) { return std::floor(v.as_number() / 1'000'000.0); };
    std::stable_sort(expected.begin(), expected.end(), [&](Value a, Value b) { return key_of(a) < key_of(b); });
    timsort(work, [&](Value a, Value b) { return key_of(a) - key_of(b); });
    bool same = std::equal(work.begin(), work.end(), expected.begin(), [](Value a, Value b) { return a.same_bits(b); });
    CHECK(same);
}

TEST_CASE("builtins: default sort compares strings, then undefined, then holes") {
    Env env;
    // [10, 9, 1, 2, undefined, 'b', 'a', , 100].sort()
    JsArray* a = env.isolate.new_array_from(std::vector<Value>{
        env.num(10), env.num(9), env.num(1), env.num(2), Value::undefined(), env.str("b"), env.str("a"),
        Value::empty(), env.num(100)});
    env.call(Value::object(a), "sort", {});
    CHECK(env.text(env.call(Value::object(a), "join", {env.str("|")})) == "1|10|100|2|9|a|b||");
    CHECK(a->elements[7].is_undefined());
    CHECK(a->elements[8].is_empty());
    // [3, undefined, NaN, 'a', null].sort() -> [ 3, NaN, 'a', null, undefined ]
    Value b = env.array({env.num(3), Value::undefined(), env.num(NAN), env.str("a"), Value::null()});
    env.call(b, "sort", {});
    CHECK(get(env.isolate, b, "3").is_null());
    CHECK(env.text(env.call(b, "join", {})) == "3,NaN,a,,");
}

TEST_CASE("builtins: array methods on dense arrays") {
    Env env;
    Value a = env.array({env.num(1), env.num(2), env.num(3)});
    CHECK(env.call(a, "push", {env.num(4), env.num(5)}).as_number() == 5);
    CHECK(env.call(a, "pop", {}).as_number() == 5);
    CHECK(env.call(a, "shift", {}).as_number() == 1);
    CHECK(env.call(a, "unshift", {env.num(0)}).as_number() == 4);
    CHECK(env.text(a) == "0,2,3,4");
    Value removed = env.call(a, "splice", {env.num(1), env.num(2), env.str("x")});
    CHECK(env.text(removed) == "2,3");
    CHECK(env.text(a) == "0,x,4");
    CHECK(env.text(env.call(a, "slice", {env.num(-2)})) == "x,4");
    CHECK(env.call(a, "indexOf", {env.num(4)}).as_number() == 2);
    CHECK(env.call(a, "includes", {env.str("x")}).as_bool());
    CHECK(env.text(env.call(a, "reverse", {})) == "4,x,0");
    CHECK(env.text(env.call(a, "concat", {env.array({env.num(7)}), env.num(8)})) == "4,x,0,7,8");
    CHECK(env.call(a, "at", {env.num(-1)}).as_number() == 0);
    Value nested = env.array({env.array({env.num(1), env.array({env.num(2), env.array({env.num(3)})})})});
    CHECK(env.text(env.call(nested, "flat", {env.num(INFINITY)})) == "1,2,3");
    CHECK(env.text(env.call(env.array({env.num(3), env.num(1), env.num(2)}), "toSorted", {})) == "1,2,3");
    // A cyclic array joins as empty, as V8 does.
    Value cyclic = env.array({env.num(1)});
    env.call(cyclic, "push", {cyclic});
    CHECK(env.text(cyclic) == "1,");
    CHECK(env.error_message([&] { env.call(a, "sort", {env.num(3)}); }) ==
          "The comparison function must be either a function or undefined");
    CHECK(env.error_message([&] { env.call(a, "map", {env.num(3)}); }) == "3 is not a function");
    CHECK(env.error_message([&] { env.call(env.array({}), "reduce", {env.global("isNaN")}); }) ==
          "Reduce of empty array with no initial value");
}

// ---------------------------------------------------------------- Object

TEST_CASE("builtins: Object statics and Object.prototype.toString") {
    Env env;
    Value object = env.global("Object");
    JsObject* o = env.isolate.new_object();
    set(env.isolate, Value::object(o), "b", env.num(1));
    set(env.isolate, Value::object(o), "2", env.num(2));
    set(env.isolate, Value::object(o), "a", env.num(3));
    CHECK(env.text(env.call(object, "keys", {Value::object(o)})) == "2,b,a");
    CHECK(env.text(env.call(object, "values", {Value::object(o)})) == "2,1,3");
    Value to_string = get(env.isolate, Value::object(env.isolate.realm().object_prototype), "toString");
    auto tag = [&](Value v) { return env.text(env.isolate.call(to_string, v, {})); };
    CHECK(tag(Value::null()) == "[object Null]");
    CHECK(tag(env.array({})) == "[object Array]");
    CHECK(tag(env.num(1)) == "[object Number]");
    CHECK(tag(Value::object(o)) == "[object Object]");
    CHECK(tag(env.isolate.construct(env.global("Map"), {}, env.global("Map"))) == "[object Map]");

    env.call(object, "freeze", {Value::object(o)});
    CHECK(env.call(object, "isFrozen", {Value::object(o)}).as_bool());
    CHECK(env.error_message([&] {
              JsObject* desc = env.isolate.new_object();
              set(env.isolate, Value::object(desc), "value", env.num(2));
              env.call(object, "defineProperty", {Value::object(o), env.str("a"), Value::object(desc)});
          }) == "Cannot redefine property: a");
    CHECK(env.error_message([&] { env.call(object, "create", {env.num(1)}); }) ==
          "Object prototype may only be an Object or null: 1");
    CHECK(env.error_message([&] { env.call(object, "keys", {Value::null()}); }) ==
          "Cannot convert undefined or null to object");
    Value frozen = env.call(object, "freeze", {env.array({env.num(1)})});
    CHECK(env.error_message([&] { env.call(frozen, "push", {env.num(2)}); }) ==
          "Cannot add property 1, object is not extensible");
}

TEST_CASE("builtins: Function.prototype.bind names and lengths") {
    Env env;
    Value max = get(env.isolate, env.global("Math"), "max");
    Value bound = env.call(max, "bind", {Value::null(), env.num(1)});
    CHECK(env.text(get(env.isolate, bound, "name")) == "bound max");
    CHECK(get(env.isolate, bound, "length").as_number() == 1);
    CHECK(env.text(env.call(max, "toString", {})) == "function max() { [native code] }");
    CHECK(env.text(env.call(env.global("Object"), "toString", {})) == "function Object() { [native code] }");
}

// ---------------------------------------------------------------- Map / Set

TEST_CASE("builtins: Map keeps insertion order across deletes and SameValueZero keys") {
    Env env;
    Value map_ctor = env.global("Map");
    Value m = env.isolate.construct(map_ctor, {}, map_ctor);
    for (int i = 1; i <= 3; ++i) env.call(m, "set", {env.num(i), env.str("v")});
    env.call(m, "delete", {env.num(2)});
    env.call(m, "set", {env.num(4), env.str("d")});
    env.call(m, "set", {env.num(2), env.str("e")});
    std::string order;
    for (auto& [k, v] : map_entries(m.as_object())) order += env.text(k);
    CHECK(order == "1342");
    // -0 and +0 are one key; NaN equals NaN; strings compare by content.
    Value set_ctor = env.global("Set");
    Value s = env.isolate.construct(set_ctor, {}, set_ctor);
    for (Value v : {env.num(NAN), env.num(-0.0), env.num(0), env.num(NAN), env.str("k"), env.str("k")}) {
        env.call(s, "add", {v});
    }
    std::vector<Value> values = set_values(s.as_object());
    REQUIRE(values.size() == 3);
    CHECK(std::isnan(values[0].as_number()));
    CHECK_FALSE(std::signbit(values[1].as_number()));
    CHECK(env.call(s, "has", {env.isolate.new_string("k")}).as_bool());

    // Many deletes compact storage; a live iterator keeps its place.
    Value big = env.isolate.construct(map_ctor, {}, map_ctor);
    for (int i = 0; i < 100; ++i) env.call(big, "set", {env.num(i), env.num(i)});
    Value it = env.call(big, "keys", {});
    for (int i = 0; i < 10; ++i) env.call(it, "next", {});
    for (int i = 0; i < 90; ++i) {
        if (i != 50) env.call(big, "delete", {env.num(i)});
    }
    Value next = env.call(it, "next", {});
    CHECK(get(env.isolate, next, "value").as_number() == 50);
    CHECK(get(env.isolate, env.call(it, "next", {}), "value").as_number() == 90);
    CHECK(env.error_message([&] {
              std::vector<Value> args{env.array({env.num(1)})};
              env.isolate.construct(map_ctor, args, map_ctor);
          }) == "Iterator value 1 is not an entry object");
}

// ---------------------------------------------------------------- Number

TEST_CASE("builtins: toFixed, toPrecision, toExponential match V8") {
    CHECK(number_to_fixed(1.005, 2) == "1.00");
    CHECK(number_to_fixed(0.5, 0) == "1");
    CHECK(number_to_fixed(2.5, 0) == "3");
    CHECK(number_to_fixed(1.45, 1) == "1.4");
    CHECK(number_to_fixed(-1.5, 0) == "-2");
    CHECK(number_to_fixed(-0.0001, 2) == "-0.00");
    CHECK(number_to_fixed(-0.0, 2) == "0.00");
    CHECK(number_to_fixed(1e21, 2) == "1e+21");
    CHECK(number_to_fixed(123.456, 10) == "123.4560000000");
    CHECK(number_to_fixed(123456789012345680000.0, 2) == "123456789012345683968.00");
    CHECK(number_to_fixed(1234.5, 2) == "1234.50");
    CHECK(number_to_precision(0.000001, 2) == "0.0000010");
    CHECK(number_to_precision(1e-7, 1) == "1e-7");
    CHECK(number_to_precision(123456, 2) == "1.2e+5");
    CHECK(number_to_precision(123456, 6) == "123456");
    CHECK(number_to_precision(0, 3) == "0.00");
    CHECK(number_to_precision(1234.5, 3) == "1.23e+3");
    CHECK(number_to_precision(0.0005, 3) == "0.000500");
    CHECK(number_to_precision(5e-324, 3) == "4.94e-324");
    CHECK(number_to_exponential(0, std::nullopt) == "0e+0");
    CHECK(number_to_exponential(-1.5e-300, 3) == "-1.500e-300");
    CHECK(number_to_exponential(0.1 + 0.2, std::nullopt) == "3.0000000000000004e-1");
    CHECK(number_to_exponential(123456789012345680000.0, std::nullopt) == "1.2345678901234568e+20");
    CHECK(number_to_exponential(1.0005, 2) == "1.00e+0");
}

TEST_CASE("builtins: toLocaleString groups like en-US ICU") {
    CHECK(number_to_locale_string(1234.5) == "1,234.5");
    CHECK(number_to_locale_string(0.0005) == "0.001");
    CHECK(number_to_locale_string(1.0005) == "1.001");
    CHECK(number_to_locale_string(1e21) == "1,000,000,000,000,000,000,000");
    CHECK(number_to_locale_string(-1234567.891) == "-1,234,567.891");
    CHECK(number_to_locale_string(-0.0) == "-0");
    CHECK(number_to_locale_string(0.1 + 0.2) == "0.3");
    CHECK(number_to_locale_string(1.23456789e-7) == "0");
    CHECK(number_to_locale_string(123456789012345680000.0) == "123,456,789,012,345,680,000");
}

TEST_CASE("builtins: parseInt, parseFloat and Math edge cases") {
    Env env;
    auto parse_int = [&](const char* s, Value radix = Value::undefined()) {
        return env.isolate.call(env.global("parseInt"), Value::undefined(), std::vector<Value>{env.str(s), radix})
            .as_number();
    };
    auto parse_float = [&](const char* s) {
        return env.isolate.call(env.global("parseFloat"), Value::undefined(), std::vector<Value>{env.str(s)}).as_number();
    };
    CHECK(parse_int("  0x1f") == 31);
    CHECK(parse_int("12px") == 12);
    CHECK(std::signbit(parse_int("-0")));
    CHECK(parse_int("z", env.num(36)) == 35);
    CHECK(parse_int("11", env.num(2)) == 3);
    CHECK(std::isnan(parse_int("")));
    CHECK(std::isnan(parse_int("123", env.num(1))));
    CHECK(parse_float("3.14abc") == 3.14);
    CHECK(parse_float("  -Infinityx") == -INFINITY);
    CHECK(parse_float(".5e-3x") == 0.0005);
    CHECK(std::isnan(parse_float("e5")));
    CHECK(parse_float("1e") == 1);
    CHECK(std::isnan(parse_float("-.e1")));
    Value math = env.global("Math");
    CHECK(std::signbit(env.call(math, "round", {env.num(-0.4)}).as_number()));
    CHECK(env.call(math, "round", {env.num(2.5)}).as_number() == 3);
    CHECK(env.call(math, "round", {env.num(-2.5)}).as_number() == -2);
    CHECK(env.call(math, "max", {}).as_number() == -INFINITY);
    CHECK(std::isnan(env.call(math, "max", {env.num(1), env.num(NAN)}).as_number()));
    CHECK(std::signbit(env.call(math, "min", {env.num(0), env.num(-0.0)}).as_number()));
    CHECK(env.call(math, "hypot", {env.num(3), env.num(4)}).as_number() == 5);
    CHECK(env.call(math, "fround", {env.num(5.05)}).as_number() == 5.050000190734863);
    CHECK(env.call(math, "clz32", {env.num(1)}).as_number() == 31);
    CHECK(env.call(math, "imul", {env.num(3), env.num(-4)}).as_number() == -12);
    Value n = env.num(255);
    CHECK(env.text(env.call(n, "toString", {env.num(16)})) == "ff");
    CHECK(env.error_message([&] { env.call(n, "toFixed", {env.num(101)}); }) ==
          "toFixed() digits argument must be between 0 and 100");
    CHECK(env.error_message([&] { env.call(n, "toString", {env.num(1)}); }) ==
          "toString() radix must be between 2 and 36");
}

// ---------------------------------------------------------------- JSON

TEST_CASE("builtins: JSON.stringify escaping, indentation and dropped values") {
    Env env;
    JsObject* o = env.isolate.new_object();
    // "\ud800\u0007\"\\\n\t\udc00x\ud83d\ude00" with a lone surrogate at each end of the middle
    std::u16string units = u"\xD800\u0007\"\\\n\t\xDC00x\U0001F600";
    set(env.isolate, Value::object(o), "s", env.isolate.new_string(utf16_to_utf8(units)));
    set(env.isolate, Value::object(o), "n", env.num(-0.0));
    set(env.isolate, Value::object(o), "x", env.num(NAN));
    set(env.isolate, Value::object(o), "u", Value::undefined());
    set(env.isolate, Value::object(o), "f", env.global("isNaN"));
    CHECK(env.stringify(Value::object(o), Value::undefined(), env.num(2)) ==
          "{\n  \"s\": \"\\ud800\\u0007\\\"\\\\\\n\\t\\udc00x\xF0\x9F\x98\x80\",\n  \"n\": 0,\n  \"x\": null\n}");
    CHECK(env.stringify(env.array({Value::undefined(), env.global("isNaN")})) == "[null,null]");
    CHECK(env.stringify(env.array({env.num(1), env.array({env.num(2)})}), Value::undefined(), env.str("--")) ==
          "[\n--1,\n--[\n----2\n--]\n]");
    CHECK(env.stringify(Value::object(env.isolate.new_object()), Value::undefined(), env.num(2)) == "{}");
    Value map_ctor = env.global("Map");
    CHECK(env.stringify(env.isolate.construct(map_ctor, {}, map_ctor)) == "{}");
    CHECK(env.stringify(Value::undefined()) == "undefined");
    // Replacer arrays pick and order keys: {"a":1,"c":{"a":1}}
    JsObject* p = env.isolate.new_object();
    JsObject* c = env.isolate.new_object();
    set(env.isolate, Value::object(c), "a", env.num(1));
    set(env.isolate, Value::object(c), "b", env.num(2));
    set(env.isolate, Value::object(p), "b", env.num(2));
    set(env.isolate, Value::object(p), "a", env.num(1));
    set(env.isolate, Value::object(p), "c", Value::object(c));
    CHECK(env.stringify(Value::object(p), env.array({env.str("a"), env.str("c")})) == "{\"a\":1,\"c\":{\"a\":1}}");
    CHECK(env.stringify(Value::object(p), Value::undefined(), env.str("abcdefghijklmnop")).substr(0, 12) ==
          "{\nabcdefghij");
}

TEST_CASE("builtins: JSON.stringify reports circular structures as V8 does") {
    Env env;
    auto obj = [&] { return Value::object(env.isolate.new_object()); };
    Value b = obj();
    set(env.isolate, b, "self", b);
    CHECK(env.error_message([&] { env.stringify(b); }) ==
          "Converting circular structure to JSON\n"
          "    --> starting at object with constructor 'Object'\n"
          "    --- property 'self' closes the circle");
    // const c = [1, {q: []}]; c[1].q.push(c);
    Value q = env.array({});
    Value inner = obj();
    set(env.isolate, inner, "q", q);
    Value arr = env.array({env.num(1), inner});
    env.call(q, "push", {arr});
    CHECK(env.error_message([&] { env.stringify(arr); }) ==
          "Converting circular structure to JSON\n"
          "    --> starting at object with constructor 'Array'\n"
          "    |     index 1 -> object with constructor 'Object'\n"
          "    |     property 'q' -> object with constructor 'Array'\n"
          "    --- index 0 closes the circle");
    // A chain of ten 'n' objects back to the root elides the middle.
    Value root = obj();
    Value cur = root;
    for (int i = 0; i < 10; ++i) {
        Value next = obj();
        set(env.isolate, cur, "n", next);
        cur = next;
    }
    set(env.isolate, cur, "back", root);
    CHECK(env.error_message([&] { env.stringify(root); }) ==
          "Converting circular structure to JSON\n"
          "    --> starting at object with constructor 'Object'\n"
          "    |     property 'n' -> object with constructor 'Object'\n"
          "    |     property 'n' -> object with constructor 'Object'\n"
          "    |     ...\n"
          "    |     property 'n' -> object with constructor 'Object'\n"
          "    --- property 'back' closes the circle");
}

TEST_CASE("builtins: JSON.parse values and node 20 error messages") {
    Env env;
    Value json = env.global("JSON");
    Value parsed = env.call(json, "parse", {env.str(" {\"a\":[1,2,{\"b\":null}],\"c\":\"\\u0041\\n\",\"a\":7} ")});
    CHECK(get(env.isolate, parsed, "a").as_number() == 7);
    CHECK(env.text(get(env.isolate, parsed, "c")) == "A\n");
    CHECK(std::signbit(env.call(json, "parse", {env.str("-0")}).as_number()));
    CHECK(env.call(json, "parse", {env.str("1e3")}).as_number() == 1000);
    CHECK(env.parse_error("{\"a\":1,}") == "Expected double-quoted property name in JSON at position 7");
    CHECK(env.parse_error("") == "Unexpected end of JSON input");
    CHECK(env.parse_error("{") == "Expected property name or '}' in JSON at position 1");
    CHECK(env.parse_error("[1,]") == "Unexpected token ']', \"[1,]\" is not valid JSON");
    CHECK(env.parse_error("tru") == "Unexpected end of JSON input");
    CHECK(env.parse_error("\"abc") == "Unterminated string in JSON at position 4");
    CHECK(env.parse_error("1 2") == "Unexpected non-whitespace character after JSON at position 2");
    CHECK(env.parse_error("{\"a\" 1}") == "Expected ':' after property name in JSON at position 5");
    CHECK(env.parse_error("[1 2]") == "Expected ',' or ']' after array element in JSON at position 3");
    CHECK(env.parse_error("undefined") == "\"undefined\" is not valid JSON");
    CHECK(env.parse_error("\"\\x\"") == "Bad escaped character in JSON at position 2");
    CHECK(env.parse_error("\"a\nb\"") == "Bad control character in string literal in JSON at position 2");
    CHECK(env.parse_error("01") == "Unexpected number in JSON at position 1");
    CHECK(env.parse_error("-") == "No number after minus sign in JSON at position 1");
    CHECK(env.parse_error("1.") == "Unterminated fractional number in JSON at position 2");
    CHECK(env.parse_error("1e") == "Exponent part is missing a number in JSON at position 2");
    CHECK(env.parse_error("{\"a\":1") == "Expected ',' or '}' after property value in JSON at position 6");
    CHECK(env.parse_error("\"\\u12\"") == "Bad Unicode escape in JSON at position 5");
    CHECK(env.parse_error("[1,2") == "Expected ',' or ']' after array element in JSON at position 4");
    CHECK(env.parse_error("{\"a\":1,\"b\"}") == "Unexpected token '}', \"{\"a\":1,\"b\"}\" is not valid JSON");
    CHECK(env.parse_error("\xC3\xA9") == "Unexpected token '\xC3\xA9', \"\xC3\xA9\" is not valid JSON");
    const char* long_source = "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]";
    auto with_brace_at = [&](size_t pos) {
        std::string s = long_source;
        s[pos] = '}';
        return env.parse_error(s.c_str());
    };
    CHECK(with_brace_at(0) == "Unexpected token '}', \"}1,2,3,4,5\"... is not valid JSON");
    CHECK(with_brace_at(3) == "Unexpected token '}', \"[1,},3,4,5,6,\"... is not valid JSON");
    CHECK(with_brace_at(11) == "Unexpected token '}', ...\"1,2,3,4,5,},7,8,9,10\"... is not valid JSON");
    CHECK(env.parse_error("[}                  ") == "Unexpected token '}', \"[}                  \" is not valid JSON");
    CHECK(env.parse_error("[}                   ") == "Unexpected token '}', \"[}         \"... is not valid JSON");
}
