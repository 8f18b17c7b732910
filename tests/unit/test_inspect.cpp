// util.inspect and util.format against real Node v20. Every expected string
// was printed by `node` for the JavaScript shown in the comment above the
// check; the values are built from C++ so these tests need no VM.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "engine/js/collections.h"
#include "engine/js/isolate.h"
#include "engine/js/operations.h"
#include "engine/js/promise_internal.h"
#include "engine/node/inspect.h"

using namespace looplab::js;
using looplab::node::format_log_args;
using looplab::node::inspect;
using looplab::node::InspectOptions;

namespace {

// A hand-built realm with just the prototypes and constructors inspect
// looks at, so the tests do not depend on the built-ins being complete.
struct MiniRealm {
    Isolate iso;

    MiniRealm() {
        Realm& r = iso.realm();
        r.object_prototype = iso.new_object_with_proto(nullptr);
        auto* fp = iso.heap().make<JsFunction>(r.object_prototype, FunctionKind::Native);
        fp->native = [](Isolate&, const CallArgs&) { return Value::undefined(); };
        r.function_prototype = fp;
        r.global = iso.new_object();
        constructor("Object", r.object_prototype);
        constructor("Function", r.function_prototype);
        r.array_prototype = proto_with_constructor("Array");
        r.number_prototype = proto_with_constructor("Number");
        r.string_prototype = proto_with_constructor("String");
        r.boolean_prototype = proto_with_constructor("Boolean");
        r.date_prototype = proto_with_constructor("Date");
        r.array_buffer_prototype = proto_with_constructor("ArrayBuffer");
        r.uint8array_prototype = proto_with_constructor("Uint8Array");
        r.typed_array_prototypes[static_cast<int>(TypedArrayKind::Float64)] = proto_with_constructor("Float64Array");
        r.buffer_prototype = iso.new_object_with_proto(r.uint8array_prototype);
        constructor("Buffer", r.buffer_prototype);
        r.promise_prototype = proto_with_constructor("Promise");
        r.map_prototype = proto_with_constructor("Map");
        r.set_prototype = proto_with_constructor("Set");
        r.weakmap_prototype = proto_with_constructor("WeakMap");
        for (JsObject* p : {r.map_prototype, r.set_prototype, r.weakmap_prototype, r.promise_prototype}) {
            Value name = get(iso, get(iso, Value::object(p), "constructor"), "name");
            define_own_property(iso, p, Value::symbol(iso.symbols().to_string_tag), name, kConfigurable);
        }
        r.async_function_prototype = iso.new_object_with_proto(r.function_prototype);
        constructor("AsyncFunction", r.async_function_prototype);
        JsObject* error = proto_with_constructor("Error");
        iso.define_value(error, "name", str("Error"));
        iso.define_value(error, "message", str(""));
        r.error_prototypes[0] = error;
    }

    JsFunction* constructor(std::string_view name, JsObject* prototype) {
        JsFunction* ctor = iso.new_native_function(name, [](Isolate&, const CallArgs&) { return Value::undefined(); },
                                                   0, true);
        iso.define_value(ctor, "prototype", Value::object(prototype), 0);
        iso.define_value(prototype, "constructor", Value::object(ctor), kHiddenFlags);
        return ctor;
    }
    JsObject* proto_with_constructor(std::string_view name, JsObject* parent = nullptr) {
        JsObject* proto = iso.new_object_with_proto(parent != nullptr ? parent : iso.realm().object_prototype);
        constructor(name, proto);
        return proto;
    }

    Value str(std::string_view s) { return iso.new_string(std::string(s)); }
    static Value num(double d) { return Value::number(d); }
    Value object(std::initializer_list<std::pair<std::string_view, Value>> props, JsObject* proto = nullptr) {
        JsObject* o = proto != nullptr ? iso.new_object_with_proto(proto) : iso.new_object();
        for (auto& [key, value] : props) create_data_property(iso, o, iso.intern(key), value);
        return Value::object(o);
    }
    Value array(std::initializer_list<Value> items) {
        std::vector<Value> v(items);
        return Value::object(iso.new_array_from(v));
    }
    Value numbers(size_t n, double step = 1) {
        std::vector<Value> v;
        for (size_t i = 0; i < n; ++i) v.push_back(num(static_cast<double>(i) * step));
        return Value::object(iso.new_array_from(v));
    }
    void set(Value target, std::string_view key, Value value) {
        create_data_property(iso, target.as_object(), iso.intern(key), value);
    }
    JsFunction* function(std::string_view name) {
        return iso.new_native_function(name, [](Isolate&, const CallArgs&) { return Value::undefined(); }, 0);
    }
    Value error(std::string_view stack) {
        JsObject* e = iso.heap().make<JsObject>(iso.realm().error_prototypes[0], ObjectClass::Error);
        iso.define_value(e, "stack", str(stack));
        std::string first(stack.substr(0, stack.find('\n')));
        iso.define_value(e, "message", str(first.substr(first.find(": ") == std::string::npos ? first.size()
                                                                                                 : first.find(": ") + 2)));
        return Value::object(e);
    }
    std::string show(Value v, const InspectOptions& options = {}) { return inspect(iso, v, options); }
    std::string log(std::initializer_list<Value> args) {
        std::vector<Value> v(args);
        return format_log_args(iso, v);
    }
};

}  // namespace

TEST_CASE("inspect: primitives") {
    MiniRealm m;
    CHECK(m.show(m.num(1)) == "1");
    CHECK(m.show(m.num(-0.0)) == "-0");  // console.log(-0)
    CHECK(m.show(m.num(NAN)) == "NaN");
    CHECK(m.show(m.num(-INFINITY)) == "-Infinity");
    CHECK(m.show(m.num(0.1)) == "0.1");
    CHECK(m.show(Value::undefined()) == "undefined");
    CHECK(m.show(Value::null()) == "null");
    CHECK(m.show(Value::boolean(true)) == "true");
    CHECK(m.show(Value::bigint(m.iso.heap().make<JsBigInt>("123"))) == "123n");
    CHECK(m.show(Value::symbol(m.iso.heap().make<JsSymbol>("x"))) == "Symbol(x)");
    CHECK(m.show(m.str("str")) == "'str'");
}

TEST_CASE("inspect: string quoting and escaping") {
    MiniRealm m;
    // console.log(["it's"], ['a"b\'c'], [`a"b'c\``])
    CHECK(m.show(m.array({m.str("it's")})) == "[ \"it's\" ]");
    CHECK(m.show(m.array({m.str("a\"b'c")})) == "[ `a\"b'c` ]");
    CHECK(m.show(m.array({m.str("a\"b'c`")})) == "[ 'a\"b\\'c`' ]");
    // console.log(['a\nb'], ['\x01\x7f\u0085é'])
    CHECK(m.show(m.array({m.str("a\nb")})) == "[ 'a\\nb' ]");
    CHECK(m.show(m.array({m.str("\x01\x7f\xC2\x85\xC3\xA9")})) == "[ '\\x01\\x7F\\x85\xC3\xA9' ]");
}

TEST_CASE("inspect: arrays, holes and grouping") {
    MiniRealm m;
    CHECK(m.show(m.array({})) == "[]");
    CHECK(m.show(m.array({m.num(1), m.num(2), m.str("foo")})) == "[ 1, 2, 'foo' ]");
    // console.log([1,,3], new Array(5), [1,2,3].concat(new Array(3)))
    CHECK(m.show(m.array({m.num(1), Value::empty(), m.num(3)})) == "[ 1, <1 empty item>, 3 ]");
    CHECK(m.show(Value::object(m.iso.new_array(5))) == "[ <5 empty items> ]");
    CHECK(m.show(m.array({m.num(1), m.num(2), m.num(3), Value::empty(), Value::empty(), Value::empty()})) ==
          "[ 1, 2, 3, <3 empty items> ]");
    // Object.assign([1,2], {foo: 'bar'})
    Value extra = m.array({m.num(1), m.num(2)});
    m.set(extra, "foo", m.str("bar"));
    CHECK(m.show(extra) == "[ 1, 2, foo: 'bar' ]");
    // Array.from({length: 30}, (_, i) => i*100)
    CHECK(m.show(m.numbers(30, 100)) ==
          "[\n"
          "     0,  100,  200,  300,  400,  500,\n"
          "   600,  700,  800,  900, 1000, 1100,\n"
          "  1200, 1300, 1400, 1500, 1600, 1700,\n"
          "  1800, 1900, 2000, 2100, 2200, 2300,\n"
          "  2400, 2500, 2600, 2700, 2800, 2900\n"
          "]");
    // Array.from({length: 101}, (_, i) => i)
    CHECK(m.show(m.numbers(101)) ==
          "[\n"
          "   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n"
          "  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n"
          "  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n"
          "  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n"
          "  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n"
          "  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n"
          "  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n"
          "  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n"
          "  96, 97, 98, 99,\n"
          "  ... 1 more item\n"
          "]");
    // ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'g', 'hh', 'iii']
    CHECK(m.show(m.array({m.str("a"), m.str("bb"), m.str("ccc"), m.str("dddd"), m.str("eeeee"), m.str("ffffff"),
                          m.str("g"), m.str("hh"), m.str("iii")})) ==
          "[\n  'a',     'bb',\n  'ccc',   'dddd',\n  'eeeee', 'ffffff',\n  'g',     'hh',\n  'iii'\n]");
    // [ 'x'.repeat(20), 'y'.repeat(20), 'z'.repeat(20), 'w'.repeat(20) ]
    std::string x(20, 'x'), y(20, 'y'), z(20, 'z'), w(20, 'w');
    CHECK(m.show(m.array({m.str(x), m.str(y), m.str(z), m.str(w)})) ==
          "[\n  '" + x + "',\n  '" + y + "',\n  '" + z + "',\n  '" + w + "'\n]");
    // [new Array(2), [ , 1, , ], [1, , , , 5]]
    CHECK(m.show(m.array({Value::object(m.iso.new_array(2)), m.array({Value::empty(), m.num(1), Value::empty()}),
                          m.array({m.num(1), Value::empty(), Value::empty(), Value::empty(), m.num(5)})})) ==
          "[\n  [ <2 empty items> ],\n  [ <1 empty item>, 1, <1 empty item> ],\n  [ 1, <3 empty items>, 5 ]\n]");
}

TEST_CASE("inspect: plain objects, keys and depth") {
    MiniRealm m;
    CHECK(m.show(m.object({})) == "{}");
    // { 'a-b': 1, [Symbol('s')]: 2, __proto__x: 3, 1: 'one' }
    Value o = m.object({{"a-b", m.num(1)}});
    define_own_property(m.iso, o.as_object(), Value::symbol(m.iso.heap().make<JsSymbol>("s")), m.num(2),
                        kDefaultFlags);
    m.set(o, "__proto__x", m.num(3));
    m.set(o, "1", m.str("one"));
    CHECK(m.show(o) == "{ '1': 'one', 'a-b': 1, __proto__x: 3, [Symbol(s)]: 2 }");
    // { [Symbol()]: 1, [Symbol('a\'b')]: 2 }
    Value syms = m.object({});
    define_own_property(m.iso, syms.as_object(), Value::symbol(m.iso.heap().make<JsSymbol>("")), m.num(1),
                        kDefaultFlags);
    define_own_property(m.iso, syms.as_object(), Value::symbol(m.iso.heap().make<JsSymbol>("a'b")), m.num(2),
                        kDefaultFlags);
    CHECK(m.show(syms) == "{ [Symbol()]: 1, [Symbol(a\\'b)]: 2 }");
    // {a:{b:{c:{d:1}}}} and {a:{b:{c:{}}}}
    CHECK(m.show(m.object({{"a", m.object({{"b", m.object({{"c", m.object({{"d", m.num(1)}})}})}})}})) ==
          "{ a: { b: { c: [Object] } } }");
    CHECK(m.show(m.object({{"a", m.object({{"b", m.object({{"c", m.object({})}})}})}})) == "{ a: { b: { c: {} } } }");
    // { a: 1, b: { c: { d: { e: 1 } } }, f: [[[[1]]]] }
    CHECK(m.show(m.object({{"a", m.num(1)},
                           {"b", m.object({{"c", m.object({{"d", m.object({{"e", m.num(1)}})}})}})},
                           {"f", m.array({m.array({m.array({m.array({m.num(1)})})})})}})) ==
          "{ a: 1, b: { c: { d: [Object] } }, f: [ [ [Array] ] ] }");
    // { a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(30) }
    std::string x(30, 'x'), y(30, 'y'), z(30, 'z');
    CHECK(m.show(m.object({{"a", m.str(x)}, {"b", m.str(y)}, {"c", m.str(z)}})) ==
          "{\n  a: '" + x + "',\n  b: '" + y + "',\n  c: '" + z + "'\n}");
    // { 'key with space': 1, 'it\'s': 2, valid_id: 3, $dollar: 4, '0abc': 5 }
    CHECK(m.show(m.object({{"key with space", m.num(1)},
                           {"it's", m.num(2)},
                           {"valid_id", m.num(3)},
                           {"$dollar", m.num(4)},
                           {"0abc", m.num(5)}})) ==
          "{\n  'key with space': 1,\n  \"it's\": 2,\n  valid_id: 3,\n  '$dollar': 4,\n  '0abc': 5\n}");
    // [{a:1,b:2},{a:3,b:4}]
    CHECK(m.show(m.array({m.object({{"a", m.num(1)}, {"b", m.num(2)}}), m.object({{"a", m.num(3)}, {"b", m.num(4)}})})) ==
          "[ { a: 1, b: 2 }, { a: 3, b: 4 } ]");
}

TEST_CASE("inspect: long strings inside objects split at newlines") {
    MiniRealm m;
    // { s: 'a long string ... chars\nsecond line' }
    std::string s = "a long string that goes past the break length limit for sure, more than eighty chars\nsecond line";
    CHECK(m.show(m.object({{"s", m.str(s)}})) ==
          "{\n  s: 'a long string that goes past the break length limit for sure, more than eighty chars\\n' +\n"
          "    'second line'\n}");
    // { long: 'x'.repeat(100) }
    std::string x(100, 'x');
    CHECK(m.show(m.object({{"long", m.str(x)}})) == "{\n  long: '" + x + "'\n}");
}

TEST_CASE("inspect: class instances and null prototypes") {
    MiniRealm m;
    // class Foo { constructor(){ this.a = 1 } }; new Foo(); new (class Bar {})()
    JsObject* foo_proto = m.proto_with_constructor("Foo");
    JsObject* bar_proto = m.proto_with_constructor("Bar");
    CHECK(m.show(m.object({{"a", m.num(1)}}, foo_proto)) == "Foo { a: 1 }");
    CHECK(m.show(m.object({}, bar_proto)) == "Bar {}");
    CHECK(m.show(m.array({m.object({{"a", m.num(1)}}, foo_proto)})) == "[ Foo { a: 1 } ]");
    // Object.create(null), Object.assign(Object.create(null), {a:1})
    JsObject* bare = m.iso.new_object_with_proto(nullptr);
    CHECK(m.show(Value::object(bare)) == "[Object: null prototype] {}");
    create_data_property(m.iso, bare, m.iso.intern("a"), m.num(1));
    CHECK(m.show(Value::object(bare)) == "[Object: null prototype] { a: 1 }");
    // Object.create(Array.prototype)
    CHECK(m.show(m.object({}, m.iso.realm().array_prototype)) == "Array {}");
    // Object.create({})
    CHECK(m.show(m.object({}, m.object({}).as_object())) == "{}");
}

TEST_CASE("inspect: functions and classes") {
    MiniRealm m;
    CHECK(m.show(Value::object(m.function("f"))) == "[Function: f]");
    CHECK(m.show(Value::object(m.function(""))) == "[Function (anonymous)]");
    CHECK(m.show(Value::object(m.function("bound f"))) == "[Function: bound f]");
    // function f() {}; f.x = 1; console.log(f, [f])
    JsFunction* f = m.function("f");
    m.set(Value::object(f), "x", m.num(1));
    CHECK(m.show(Value::object(f)) == "[Function: f] { x: 1 }");
    CHECK(m.show(m.array({Value::object(f)})) == "[ [Function: f] { x: 1 } ]");
    // class A {}; class B extends A {}
    JsFunction* a = m.function("A");
    a->is_class_constructor = true;
    JsFunction* b = m.iso.new_native_function("B", [](Isolate&, const CallArgs&) { return Value::undefined(); }, 0);
    b->proto = a;
    b->is_class_constructor = true;
    CHECK(m.show(Value::object(a)) == "[class A]");
    CHECK(m.show(Value::object(b)) == "[class B extends A]");
    // async function f(){}
    JsFunction* af = m.function("f");
    af->proto = m.iso.realm().async_function_prototype;
    CHECK(m.show(Value::object(af)) == "[AsyncFunction: f]");
}

TEST_CASE("inspect: getters, setters and circular references") {
    MiniRealm m;
    // {get a(){return 1}, set b(v){}, get c(){return 1}, set c(v){}}
    JsObject* o = m.iso.new_object();
    auto accessor = [&](std::string_view key, bool getter, bool setter) {
        JsAccessor* acc = m.iso.heap().make<JsAccessor>();
        if (getter) acc->getter = Value::object(m.function("get"));
        if (setter) acc->setter = Value::object(m.function("set"));
        define_own_property(m.iso, o, m.iso.intern(key), accessor_value(acc), kAccessor | kEnumerable | kConfigurable);
    };
    accessor("a", true, false);
    accessor("b", false, true);
    accessor("c", true, true);
    CHECK(m.show(Value::object(o)) == "{ a: [Getter], b: [Setter], c: [Getter/Setter] }");
    // const o = {}; o.self = o
    Value self = m.object({});
    m.set(self, "self", self);
    CHECK(m.show(self) == "<ref *1> { self: [Circular *1] }");
    // const o = { name: 'o' }; o.list = [o, { back: o }]
    Value named = m.object({{"name", m.str("o")}});
    m.set(named, "list", m.array({named, m.object({{"back", named}})}));
    CHECK(m.show(named) == "<ref *1> { name: 'o', list: [ [Circular *1], { back: [Circular *1] } ] }");
    // const p = {}; const q = { p }; p.q = q; console.log([p, q])
    Value p = m.object({});
    Value q = m.object({{"p", p}});
    m.set(p, "q", q);
    CHECK(m.show(m.array({p, q})) ==
          "[\n  <ref *1> { q: { p: [Circular *1] } },\n  <ref *2> { p: <ref *1> { q: [Circular *2] } }\n]");
}

TEST_CASE("inspect: errors print their stack, indented when nested") {
    MiniRealm m;
    std::string stack = "Error: boom\n    at f (/x.js:1:1)\n    at g (/x.js:2:2)";
    Value e = m.error(stack);
    CHECK(m.show(e) == stack);
    CHECK(m.show(m.object({{"e", e}})) == "{\n  e: Error: boom\n      at f (/x.js:1:1)\n      at g (/x.js:2:2)\n}");
    m.set(e, "code", m.str("E1"));
    CHECK(m.show(e) == stack + " {\n  code: 'E1'\n}");
    CHECK(m.show(m.array({e})) ==
          "[\n  Error: boom\n      at f (/x.js:1:1)\n      at g (/x.js:2:2) {\n    code: 'E1'\n  }\n]");
    // const e2 = new Error('no stack'); e2.stack = 'just text'; console.log(e2, [e2])
    Value plain = m.error("just text");
    CHECK(m.show(plain) == "[just text]");
    CHECK(m.show(m.array({plain})) == "[ [just text] ]");
    // class MyError extends Error {}; m.stack = 'Error: bad\n    at f (/x.js:1:1)'
    JsObject* my_proto = m.proto_with_constructor("MyError", m.iso.realm().error_prototypes[0]);
    Value my = m.error("Error: bad\n    at f (/x.js:1:1)");
    my.as_object()->proto = my_proto;
    CHECK(m.show(my) == "MyError: bad\n    at f (/x.js:1:1)");
}

TEST_CASE("inspect: boxed primitives, dates, typed arrays and buffers") {
    MiniRealm m;
    auto boxed = [&](ObjectClass cls, JsObject* proto, Value v) {
        JsObject* o = m.iso.heap().make<JsObject>(proto, cls);
        o->internal = v;
        return Value::object(o);
    };
    const Realm& r = m.iso.realm();
    // new Number(-0), new String('it\'s'), new Boolean(true), new Number(3)
    CHECK(m.show(boxed(ObjectClass::Number, r.number_prototype, m.num(-0.0))) == "[Number: -0]");
    CHECK(m.show(boxed(ObjectClass::Number, r.number_prototype, m.num(3))) == "[Number: 3]");
    CHECK(m.show(boxed(ObjectClass::String, r.string_prototype, m.str("it's"))) == "[String: \"it's\"]");
    CHECK(m.show(boxed(ObjectClass::Boolean, r.boolean_prototype, Value::boolean(true))) == "[Boolean: true]");
    // new Date(0), { d: new Date(1e12) }, new Date(NaN), new Date(8.64e15), new Date(-62198755200000)
    CHECK(m.show(boxed(ObjectClass::Date, r.date_prototype, m.num(0))) == "1970-01-01T00:00:00.000Z");
    CHECK(m.show(m.object({{"d", boxed(ObjectClass::Date, r.date_prototype, m.num(1e12))}})) ==
          "{ d: 2001-09-09T01:46:40.000Z }");
    CHECK(m.show(m.array({boxed(ObjectClass::Date, r.date_prototype, m.num(-1))})) == "[ 1969-12-31T23:59:59.999Z ]");
    CHECK(m.show(boxed(ObjectClass::Date, r.date_prototype, m.num(NAN))) == "Invalid Date");
    CHECK(m.show(boxed(ObjectClass::Date, r.date_prototype, m.num(8.64e15))) == "+275760-09-13T00:00:00.000Z");
    CHECK(m.show(boxed(ObjectClass::Date, r.date_prototype, m.num(-62198755200000.0))) ==
          "-000001-01-01T00:00:00.000Z");

    auto* ab = m.iso.heap().make<JsArrayBuffer>(r.array_buffer_prototype);
    ab->data = {1, 2, 3};
    auto typed = [&](JsObject* proto, TypedArrayKind kind, JsArrayBuffer* buffer, size_t length) {
        return Value::object(m.iso.heap().make<JsTypedArray>(proto, kind, buffer, 0, length));
    };
    // new Uint8Array([1,2,3]), new Uint8Array(0)
    CHECK(m.show(typed(r.uint8array_prototype, TypedArrayKind::Uint8, ab, 3)) == "Uint8Array(3) [ 1, 2, 3 ]");
    CHECK(m.show(typed(r.uint8array_prototype, TypedArrayKind::Uint8, ab, 0)) == "Uint8Array(0) []");
    // [new Float64Array([0.5])]
    auto* fb = m.iso.heap().make<JsArrayBuffer>(r.array_buffer_prototype);
    fb->data.resize(8);
    JsObject* f64 = r.typed_array_prototypes[static_cast<int>(TypedArrayKind::Float64)];
    Value floats = typed(f64, TypedArrayKind::Float64, fb, 1);
    static_cast<JsTypedArray*>(floats.as_object())->store(0, 0.5);
    CHECK(m.show(m.array({floats})) == "[ Float64Array(1) [ 0.5 ] ]");
    // new ArrayBuffer(2)
    auto* two = m.iso.heap().make<JsArrayBuffer>(r.array_buffer_prototype);
    two->data = {0, 0};
    CHECK(m.show(Value::object(two)) == "ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }");
    // Buffer.from('hi'); const b = Buffer.from('ab'); b.x = 1; Buffer.alloc(60)
    auto* hi = m.iso.heap().make<JsArrayBuffer>(r.array_buffer_prototype);
    hi->data = {'h', 'i'};
    CHECK(m.show(typed(r.buffer_prototype, TypedArrayKind::Uint8, hi, 2)) == "<Buffer 68 69>");
    auto* ab2 = m.iso.heap().make<JsArrayBuffer>(r.array_buffer_prototype);
    ab2->data = {'a', 'b'};
    Value with_prop = typed(r.buffer_prototype, TypedArrayKind::Uint8, ab2, 2);
    m.set(with_prop, "x", m.num(1));
    CHECK(m.show(with_prop) == "<Buffer 61 62, x: 1>");
    auto* zeros = m.iso.heap().make<JsArrayBuffer>(r.array_buffer_prototype);
    zeros->data.assign(60, 0);
    std::string fifty;
    for (int i = 0; i < 50; ++i) fifty += i == 0 ? "00" : " 00";
    CHECK(m.show(typed(r.buffer_prototype, TypedArrayKind::Uint8, zeros, 60)) ==
          "<Buffer " + fifty + " ... 10 more bytes>");
}

TEST_CASE("inspect: promises, arguments and custom inspect") {
    MiniRealm m;
    const Realm& r = m.iso.realm();
    // Promise.resolve(1), new Promise(() => {})
    auto* resolved = m.iso.heap().make<JsPromise>(r.promise_prototype);
    resolved->state = PromiseState::Fulfilled;
    resolved->result = m.num(1);
    CHECK(m.show(Value::object(resolved)) == "Promise { 1 }");
    auto* pending = m.iso.heap().make<JsPromise>(r.promise_prototype);
    CHECK(m.show(Value::object(pending)) == "Promise { <pending> }");
    // Promise.reject(3) (handled)
    auto* rejected = m.iso.heap().make<JsPromise>(r.promise_prototype);
    rejected->state = PromiseState::Rejected;
    rejected->result = m.num(3);
    CHECK(m.show(Value::object(rejected)) == "Promise { <rejected> 3 }");
    // (function(){ console.log(arguments) })(1, 2)
    JsObject* args = m.iso.heap().make<JsObject>(r.object_prototype, ObjectClass::Arguments);
    create_data_property(m.iso, args, m.iso.intern("0"), m.num(1));
    create_data_property(m.iso, args, m.iso.intern("1"), m.num(2));
    CHECK(m.show(Value::object(args)) == "[Arguments] { '0': 1, '1': 2 }");
    // { x: { [util.inspect.custom](depth) { return 'CUSTOM' + depth } } }
    JsObject* custom = m.iso.new_object();
    JsFunction* fn = m.iso.new_native_function(
        "custom",
        [](Isolate& iso, const CallArgs& call) {
            return iso.new_string("CUSTOM" + to_string(iso, call.arg(0)));
        },
        2);
    define_own_property(m.iso, custom, Value::symbol(m.iso.symbols().inspect_custom), Value::object(fn),
                        kDefaultFlags);
    CHECK(m.show(m.object({{"x", Value::object(custom)}})) == "{ x: CUSTOM1 }");
}

TEST_CASE("inspect: Map, Set and WeakMap") {
    MiniRealm m;
    const Realm& r = m.iso.realm();
    auto map = [&](std::initializer_list<std::pair<Value, Value>> entries, JsObject* proto = nullptr,
                   ObjectClass cls = ObjectClass::Map) {
        auto* map = m.iso.heap().make<JsMap>(proto != nullptr ? proto : r.map_prototype, cls);
        for (auto& [k, v] : entries) map->set(k, v);
        return Value::object(map);
    };
    auto set = [&](std::initializer_list<Value> values) {
        auto* set = m.iso.heap().make<JsMap>(r.set_prototype, ObjectClass::Set);
        for (Value v : values) set->set(v, v);
        return Value::object(set);
    };
    // new Map([[1,2]]), new Map([['a',1],['b',2]]), new Set(), new Set([1])
    CHECK(m.show(map({{m.num(1), m.num(2)}})) == "Map(1) { 1 => 2 }");
    CHECK(m.show(map({{m.str("a"), m.num(1)}, {m.str("b"), m.num(2)}})) == "Map(2) { 'a' => 1, 'b' => 2 }");
    CHECK(m.show(set({})) == "Set(0) {}");
    CHECK(m.show(set({m.num(1)})) == "Set(1) { 1 }");
    // { m: new Map([[{a:1}, [1,2]]]) }, new Set([[1, {b: {c: {}}}]])
    CHECK(m.show(m.object({{"m", map({{m.object({{"a", m.num(1)}}), m.array({m.num(1), m.num(2)})}})}})) ==
          "{ m: Map(1) { { a: 1 } => [ 1, 2 ] } }");
    CHECK(m.show(set({m.array({m.num(1), m.object({{"b", m.object({{"c", m.object({})}})}})})})) ==
          "Set(1) { [ 1, { b: [Object] } ] }");
    // class Foo extends Map {}; new Foo([[1,2]])
    JsObject* foo = m.proto_with_constructor("Foo", r.map_prototype);
    CHECK(m.show(map({{m.num(1), m.num(2)}}, foo)) == "Foo(1) [Map] { 1 => 2 }");
    // new WeakMap()
    CHECK(m.show(map({}, r.weakmap_prototype, ObjectClass::WeakMap)) == "WeakMap { <items unknown> }");
}

TEST_CASE("format: util.format placeholders as console.log uses them") {
    MiniRealm m;
    // console.log('%s=%d', 'x', 42, 'rest')
    CHECK(m.log({m.str("%s=%d"), m.str("x"), m.num(42), m.str("rest")}) == "x=42 rest");
    CHECK(m.log({m.str("%d%%"), m.num(50)}) == "50%");
    CHECK(m.log({m.str("100%")}) == "100%");
    // console.log('%i|%f|%c|', 3.9, '1.5abc', 'css')
    CHECK(m.log({m.str("%i|%f|%c|"), m.num(3.9), m.str("1.5abc"), m.str("css")}) == "3|1.5||");
    // console.log('%s', {a: {b: 1}}, '%s')
    CHECK(m.log({m.str("%s"), m.object({{"a", m.object({{"b", m.num(1)}})}}), m.str("%s")}) == "{ a: [Object] } %s");
    // console.log('%s %s', 'only')
    CHECK(m.log({m.str("%s %s"), m.str("only")}) == "only %s");
    // console.log('a\nb', ['a\nb'])
    CHECK(m.log({m.str("a\nb"), m.array({m.str("a\nb")})}) == "a\nb [ 'a\\nb' ]");
    // console.log(1, 'two', [3])
    CHECK(m.log({m.num(1), m.str("two"), m.array({m.num(3)})}) == "1 two [ 3 ]");
    CHECK(m.log({}) == "");
}

TEST_CASE("inspect: options") {
    MiniRealm m;
    Value nested = m.object({{"a", m.object({{"b", m.object({{"c", m.object({{"d", m.num(1)}})}})}})}});
    InspectOptions deep;
    deep.depth = InspectOptions::kInfinity;
    // util.inspect({a:{b:{c:{d:1}}}}, { depth: null })
    CHECK(m.show(nested, deep) == "{\n  a: { b: { c: { d: 1 } } }\n}");
    InspectOptions shallow;
    shallow.depth = 0;
    // util.inspect({a:{b:1}, c: [1]}, { depth: 0 })
    CHECK(m.show(m.object({{"a", m.object({{"b", m.num(1)}})}, {"c", m.array({m.num(1)})}}), shallow) ==
          "{ a: [Object], c: [Array] }");
    InspectOptions short_arrays;
    short_arrays.max_array_length = 2;
    // util.inspect([1, 2, 3, 4], { maxArrayLength: 2 })
    CHECK(m.show(m.numbers(4), short_arrays) == "[ 0, 1, ... 2 more items ]");
    InspectOptions short_strings;
    short_strings.max_string_length = 3;
    // util.inspect('abcdef', { maxStringLength: 3 })
    CHECK(m.show(m.str("abcdef"), short_strings) == "'abc'... 3 more characters");
    InspectOptions narrow;
    narrow.break_length = 10;
    // util.inspect({ a: 1, b: 2 }, { breakLength: 10 })
    CHECK(m.show(m.object({{"a", m.num(1)}, {"b", m.num(2)}}), narrow) == "{\n  a: 1,\n  b: 2\n}");
}
