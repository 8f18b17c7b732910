// The value model: number formatting, string conversion, property order.
#include <doctest/doctest.h>

#include <cmath>

#include "engine/js/isolate.h"
#include "engine/js/operations.h"
#include "engine/js/string.h"

using namespace looplab::js;

TEST_CASE("core: Value boxes every kind and keeps numbers exact") {
    CHECK(Value::number(1.5).is_number());
    CHECK(Value::number(1.5).as_number() == 1.5);
    CHECK(Value::number(NAN).is_number());
    CHECK(std::isnan(Value::number(-NAN).as_number()));
    CHECK(Value::number(-INFINITY).is_number());
    CHECK(Value::undefined().is_undefined());
    CHECK_FALSE(Value::undefined().is_number());
    CHECK(Value::null().is_nullish());
    CHECK(Value::boolean(true).as_bool());
    CHECK_FALSE(Value::boolean(false).as_bool());
    CHECK(Value::boolean(false).is_bool());
    CHECK(Value::empty().is_empty());
    CHECK_FALSE(Value::empty().is_undefined());
}

TEST_CASE("core: number_to_string follows Number::toString") {
    CHECK(number_to_string(0.1 + 0.2) == "0.30000000000000004");
    CHECK(number_to_string(1e21) == "1e+21");
    CHECK(number_to_string(1e20) == "100000000000000000000");
    CHECK(number_to_string(123456789012345680000.0) == "123456789012345680000");
    CHECK(number_to_string(1e-7) == "1e-7");
    CHECK(number_to_string(0.000001) == "0.000001");
    CHECK(number_to_string(-0.0) == "0");
    CHECK(number_to_string(-1.5) == "-1.5");
    CHECK(number_to_string(1.2345e-10) == "1.2345e-10");
    CHECK(number_to_string(NAN) == "NaN");
    CHECK(number_to_string(-INFINITY) == "-Infinity");
    CHECK(number_to_string(42) == "42");
    CHECK(number_to_radix_string(255, 16) == "ff");
    CHECK(number_to_radix_string(-5, 2) == "-101");
    CHECK(number_to_radix_string(0.5, 2) == "0.1");
}

TEST_CASE("core: string_to_number follows StringToNumber") {
    CHECK(string_to_number("  42  ") == 42);
    CHECK(string_to_number("") == 0);
    CHECK(string_to_number("0x1F") == 31);
    CHECK(string_to_number("0b101") == 5);
    CHECK(string_to_number("-Infinity") == -INFINITY);
    CHECK(std::isnan(string_to_number("12px")));
    CHECK(std::isnan(string_to_number("inf")));
    CHECK(string_to_number("1e3") == 1000);
    CHECK(string_to_number(".5") == 0.5);
}

TEST_CASE("core: UTF-16 length and indexing of non-ASCII strings") {
    JsString s(std::string("h\xC3\xA9llo \xF0\x9F\x98\x80"));  // "héllo 😀"
    CHECK(s.length() == 8);
    CHECK(s.code_unit(1) == 0xE9);
    CHECK(s.code_unit(6) == 0xD83D);
    CHECK(s.substring(0, 2) == "h\xC3\xA9");
}

TEST_CASE("core: ropes flatten to the concatenated text") {
    Isolate isolate;
    Value acc = isolate.new_string("");
    std::string expected;
    for (int i = 0; i < 2000; ++i) {
        std::string piece = "piece-" + std::to_string(i) + ";";
        acc = isolate.concat(acc, isolate.new_string(piece));
        expected += piece;
    }
    CHECK(acc.as_string()->str() == expected);
    CHECK(acc.as_string()->length() == expected.size());
}

TEST_CASE("core: own keys put integer keys first, then strings in insertion order") {
    Isolate isolate;
    JsObject* o = isolate.new_object_with_proto(nullptr);
    for (const char* k : {"b", "10", "a", "2", "01"}) {
        create_data_property(isolate, o, isolate.intern(k), Value::number(1));
    }
    std::vector<std::string> keys;
    for (Value k : own_property_keys(isolate, o, KeyFilter::StringsOnly, true)) keys.push_back(k.as_string()->str());
    CHECK(keys == std::vector<std::string>{"2", "10", "b", "a", "01"});
}

TEST_CASE("core: property map survives many adds and removes in order") {
    Isolate isolate;
    JsObject* o = isolate.new_object_with_proto(nullptr);
    for (int i = 0; i < 100; ++i) create_data_property(isolate, o, isolate.intern("k" + std::to_string(i)), Value::number(i));
    for (int i = 0; i < 100; i += 2) delete_property(isolate, o, isolate.intern("k" + std::to_string(i)));
    auto keys = own_property_keys(isolate, o, KeyFilter::StringsOnly, false);
    REQUIRE(keys.size() == 50);
    CHECK(keys.front().as_string()->str() == "k1");
    CHECK(get(isolate, Value::object(o), "k99").as_number() == 99);
    CHECK(get(isolate, Value::object(o), "k98").is_undefined());
}

TEST_CASE("core: loose and strict equality") {
    Isolate isolate;
    CHECK(loosely_equal(isolate, Value::null(), Value::undefined()));
    CHECK_FALSE(strictly_equal(Value::null(), Value::undefined()));
    CHECK(loosely_equal(isolate, Value::number(1), isolate.new_string("1")));
    CHECK(loosely_equal(isolate, Value::boolean(true), Value::number(1)));
    CHECK_FALSE(strictly_equal(Value::number(NAN), Value::number(NAN)));
    CHECK(same_value_zero(Value::number(NAN), Value::number(NAN)));
    CHECK_FALSE(same_value(Value::number(0.0), Value::number(-0.0)));
    CHECK(strictly_equal(isolate.new_string("ab"), isolate.intern("ab")));
}

TEST_CASE("core: garbage is collected and reachable objects survive") {
    Isolate isolate;
    JsObject* keep = isolate.new_object();
    isolate.realm().global = keep;
    for (int i = 0; i < 1000; ++i) isolate.new_object();
    create_data_property(isolate, keep, isolate.intern("x"), isolate.new_string("kept"));
    size_t before = isolate.heap().stats().live_cells;
    isolate.heap().collect();
    size_t after = isolate.heap().stats().live_cells;
    CHECK(after < before - 900);
    CHECK(get(isolate, Value::object(keep), "x").as_string()->str() == "kept");
}
