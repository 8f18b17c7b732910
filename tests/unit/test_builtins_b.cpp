// The "B" built-ins: Promise job ordering under a fake host, String and
// RegExp on non-ASCII text, Buffer encodings, BigInt arithmetic, Date
// formatting, Error stacks. Every expected string was printed by node v20.
#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

#include "engine/js/bigint.h"
#include "engine/js/buffer.h"
#include "engine/js/builtins.h"
#include "engine/js/error.h"
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/js/regexp.h"

using namespace looplab::js;

namespace {

// HostEnqueuePromiseJob into a FIFO that the test drains, like Node's
// microtask queue; rejection-tracker calls are recorded.
struct FakeHost final : HostHooks {
    std::deque<PromiseJob> jobs;
    std::vector<std::pair<JsObject*, RejectionOperation>> tracked;
    double now = 0;
    void enqueue_promise_job(Isolate&, PromiseJob job) override { jobs.push_back(job); }
    void promise_rejection_tracker(Isolate&, JsObject* promise, RejectionOperation op) override {
        tracked.emplace_back(promise, op);
    }
    double now_ms(Isolate&) override { return now; }
    void drain(Isolate& isolate) {
        for (int guard = 0; guard < 10000 && !jobs.empty(); ++guard) {
            PromiseJob job = jobs.front();
            jobs.pop_front();
            run_promise_job(isolate, job);
        }
    }
};

struct Env {
    Isolate isolate;
    FakeHost host;
    Env() {
        isolate.host = &host;
        install_builtins(isolate);
    }
    Value global(const char* name) { return get(isolate, Value::object(isolate.realm().global), name); }
    Value str(const char* text) { return isolate.new_string(text); }
    Value num(double d) { return Value::number(d); }
    Value call(Value target, const char* method, std::initializer_list<Value> args) {
        std::vector<Value> list(args);
        return call_method(isolate, target, method, list);
    }
    Value construct(const char* ctor, std::initializer_list<Value> args) {
        std::vector<Value> list(args);
        Value c = global(ctor);
        return isolate.construct(c, list, c);
    }
    std::string text(Value v) { return to_string(isolate, v); }
    // String(v) through the array's join for arrays, to compare compactly.
    std::string joined(Value array, const char* sep = ",") { return text(call(array, "join", {str(sep)})); }
    std::string s(Value target, const char* method, std::initializer_list<Value> args) {
        return text(call(target, method, args));
    }
};

std::vector<std::string>* g_log = nullptr;

// A handler that logs its tag (native_data) and returns native_data2.
Value log_tag(Isolate& isolate, const CallArgs& call) {
    std::string tag = to_string(isolate, call.callee->native_data);
    if (call.size() > 0 && call.callee->native_data2.is_null()) tag += to_string(isolate, call.arg(0));
    g_log->push_back(tag);
    return Value::undefined();
}

Value tagger(Env& env, const char* tag, bool append_arg = false) {
    JsFunction* f = env.isolate.new_native_function("", log_tag, 1);
    f->native_data = env.str(tag);
    f->native_data2 = append_arg ? Value::null() : Value::undefined();
    return Value::object(f);
}

Value join_arg(Isolate& isolate, const CallArgs& call) {
    Value sep = isolate.new_string("");
    g_log->push_back(to_string(isolate, call.callee->native_data) +
                     to_string(isolate, call_method(isolate, call.arg(0), "join", std::span<const Value>(&sep, 1))));
    return Value::undefined();
}

Value statuses(Isolate& isolate, const CallArgs& call) {
    JsArray* results = static_cast<JsArray*>(call.arg(0).as_object());
    std::string out;
    for (Value r : results->elements) out += (out.empty() ? "" : ",") + to_string(isolate, get(isolate, r, "status"));
    g_log->push_back(out);
    return Value::undefined();
}

Value aggregate(Isolate& isolate, const CallArgs& call) {
    Value sep = isolate.new_string("");
    Value errors = get(isolate, call.arg(0), "errors");
    g_log->push_back(to_string(isolate, get(isolate, call.arg(0), "name")) +
                     to_string(isolate, call_method(isolate, errors, "join", std::span<const Value>(&sep, 1))));
    return Value::undefined();
}

Value executor_resolving_with_promise(Isolate& isolate, const CallArgs& call) {
    Value two = Value::number(2);
    Value inner = Value::object(promise_resolve(isolate, two));
    return isolate.call(call.arg(0), Value::undefined(), std::span<const Value>(&inner, 1));
}

Value native(Env& env, NativeFn fn, const char* tag = "") {
    JsFunction* f = env.isolate.new_native_function("", fn, 1);
    f->native_data = env.str(tag);
    return Value::object(f);
}

}  // namespace

TEST_CASE("builtins: promise jobs run in node's order") {
    Env env;
    std::vector<std::string> log;
    g_log = &log;
    Value promise_ctor = env.global("Promise");
    auto resolved = [&](Value v) { return env.call(promise_ctor, "resolve", {v}); };
    // Promise.resolve(1).then(a).then(c)
    env.call(env.call(resolved(env.num(1)), "then", {tagger(env, "a")}), "then", {tagger(env, "c")});
    // Promise.resolve().then(b)
    env.call(resolved(Value::undefined()), "then", {tagger(env, "b")});
    // new Promise(r => r(Promise.resolve(2))).then(d): two extra ticks for the thenable.
    Value executor = native(env, executor_resolving_with_promise);
    Value p = env.isolate.construct(promise_ctor, std::span<const Value>(&executor, 1), promise_ctor);
    env.call(p, "then", {tagger(env, "d")});
    // Promise.resolve().then(e).then(f).then(g).then(h)
    Value chain = resolved(Value::undefined());
    for (const char* tag : {"e", "f", "g", "h"}) chain = env.call(chain, "then", {tagger(env, tag)});
    // Promise.reject(new Error('x')).finally(fin).catch(caught)
    Value rejected = env.call(promise_ctor, "reject", {make_error(env.isolate, ErrorType::Error, "x")});
    env.call(env.call(rejected, "finally", {tagger(env, "fin")}), "catch", {tagger(env, "caught")});
    // Promise.all([1, Promise.resolve(2)]).then(v => 'all' + v.join(''))
    Value all_items[2] = {env.num(1), resolved(env.num(2))};
    env.call(env.call(promise_ctor, "all", {Value::object(env.isolate.new_array_from(all_items))}), "then",
             {native(env, join_arg, "all")});
    // Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => e.name + e.errors.join(''))
    Value any_items[2] = {env.call(promise_ctor, "reject", {env.num(1)}), env.call(promise_ctor, "reject", {env.num(2)})};
    env.call(env.call(promise_ctor, "any", {Value::object(env.isolate.new_array_from(any_items))}), "catch",
             {native(env, aggregate)});
    // Promise.allSettled([1, Promise.reject(3)])
    Value settled_items[2] = {env.num(1), env.call(promise_ctor, "reject", {env.num(3)})};
    env.call(env.call(promise_ctor, "allSettled", {Value::object(env.isolate.new_array_from(settled_items))}), "then",
             {native(env, statuses)});
    // Promise.race([new Promise(() => {}), Promise.resolve('r')])
    Value never_executor = tagger(env, "never-called-with-args");
    Value never = env.isolate.construct(promise_ctor, std::span<const Value>(&never_executor, 1), promise_ctor);
    log.clear();
    Value race_items[2] = {never, resolved(env.str("r"))};
    env.call(env.call(promise_ctor, "race", {Value::object(env.isolate.new_array_from(race_items))}), "then",
             {tagger(env, "race", true)});
    env.host.drain(env.isolate);
    std::string joined;
    for (const auto& entry : log) joined += (joined.empty() ? "" : " ") + entry;
    CHECK(joined == "a b e fin c f all12 AggregateError12 fulfilled,rejected racer d g h caught");
    g_log = nullptr;
}

TEST_CASE("builtins: rejection tracking follows HostPromiseRejectionTracker") {
    Env env;
    JsObject* p = new_promise(env.isolate);
    reject_promise(env.isolate, p, env.num(1));
    REQUIRE(env.host.tracked.size() == 1);
    CHECK(env.host.tracked[0].second == RejectionOperation::Reject);
    perform_promise_then(env.isolate, p, Value::undefined(), Value::undefined(), nullptr);
    REQUIRE(env.host.tracked.size() == 2);
    CHECK(env.host.tracked[1].second == RejectionOperation::Handle);
    CHECK(promise_is_handled(p));
    CHECK(promise_state(p) == PromiseState::Rejected);
    // Resolving a promise with itself rejects it with a TypeError.
    JsObject* q = new_promise(env.isolate);
    resolve_promise(env.isolate, q, Value::object(q));
    CHECK(env.text(get(env.isolate, promise_result(q), "message")) == "Chaining cycle detected for promise #<Promise>");
}

TEST_CASE("builtins: string methods index non-ASCII text in UTF-16 code units") {
    Env env;
    Value s = env.str("h\xC3\xA9llo w\xC3\xB6rld \xF0\x9F\x98\x80!");  // "héllo wörld 😀!"
    CHECK(get(env.isolate, s, "length").as_number() == 15);
    CHECK(env.s(s, "slice", {env.num(1), env.num(4)}) == "\xC3\xA9ll");
    CHECK(env.call(s, "indexOf", {env.str("w\xC3\xB6")}).as_number() == 6);
    CHECK(env.call(s, "charCodeAt", {env.num(12)}).as_number() == 0xD83D);
    CHECK(env.call(s, "codePointAt", {env.num(12)}).as_number() == 0x1F600);
    CHECK(env.s(s, "toUpperCase", {}) == "H\xC3\x89LLO W\xC3\x96RLD \xF0\x9F\x98\x80!");
    CHECK(env.s(env.str("stra\xC3\x9F" "e"), "toUpperCase", {}) == "STRASSE");
    CHECK(env.s(env.str("x"), "padStart", {env.num(5), env.str("ab")}) == "ababx");
    CHECK(env.s(env.str(" \xC2\xA0x\t"), "trim", {}) == "x");
    CHECK(env.s(env.str("abc"), "at", {env.num(-1)}) == "c");
    CHECK(env.s(env.str("abc"), "substr", {env.num(-2), env.num(1)}) == "b");
    CHECK(env.joined(env.call(env.str("a,b,,c"), "split", {env.str(","), env.num(2)}), "|") == "a|b");
    CHECK(env.call(env.str("abc"), "localeCompare", {env.str("abd")}).as_number() == -1);
    CHECK(env.call(env.str("a"), "localeCompare", {env.str("B")}).as_number() == -1);
    CHECK(env.s(env.str("a-b-c"), "replaceAll", {env.str("-"), env.str("[$&]")}) == "a[-]b[-]c");
    Value from_code_point = get(env.isolate, env.global("String"), "fromCodePoint");
    Value cp = env.num(0x1F600);
    CHECK(env.text(env.isolate.call(from_code_point, Value::undefined(), std::span<const Value>(&cp, 1))) ==
          "\xF0\x9F\x98\x80");
    // [...'a😀b'] has three elements.
    std::vector<Value> chars = iterate_to_vector(env.isolate, env.str("a\xF0\x9F\x98\x80" "b"));
    CHECK(chars.size() == 3);
    CHECK_THROWS_AS(env.call(env.str("abc"), "repeat", {env.num(-1)}), JsException);
    try {
        env.call(env.str("abc"), "repeat", {env.num(-1)});
    } catch (const JsException& e) {
        CHECK(env.text(get(env.isolate, e.value, "message")) == "Invalid count value: -1");
    }
}

TEST_CASE("builtins: regexp exec, replace, split and errors") {
    Env env;
    Value rx = new_regexp(env.isolate, "(?<y>\\d{4})-(\\d\\d)", "");
    Value m = env.call(rx, "exec", {env.str("on 2024-05 ok")});
    CHECK(env.joined(m) == "2024-05,2024,05");
    CHECK(get(env.isolate, m, "index").as_number() == 3);
    CHECK(env.text(get(env.isolate, get(env.isolate, m, "groups"), "y")) == "2024");
    CHECK(env.s(new_regexp(env.isolate, "a\\/b", "g"), "toString", {}) == "/a\\/b/g");
    CHECK(env.s(new_regexp(env.isolate, "a/b", ""), "toString", {}) == "/a\\/b/");
    CHECK(env.s(new_regexp(env.isolate, "", ""), "toString", {}) == "/(?:)/");
    CHECK(env.text(get(env.isolate, new_regexp(env.isolate, "x", "yusmigd"), "flags")) == "dgimsuy");
    CHECK(env.joined(env.call(env.str("aXbXc"), "split", {new_regexp(env.isolate, "(X)", "")})) == "a,X,b,X,c");
    CHECK(env.s(env.str("h\xC3\xA9llo w\xC3\xB6rld"), "replace", {new_regexp(env.isolate, "\xC3\xB6", ""), env.str("[$&]")}) ==
          "h\xC3\xA9llo w[\xC3\xB6]rld");
    CHECK(env.s(env.str("x-y-z"), "replace", {new_regexp(env.isolate, "(\\w)-", "g"), env.str("$1+")}) == "x+y+z");
    CHECK(env.s(env.str("2024-05"), "replace", {new_regexp(env.isolate, "(?<y>\\d+)-(?<m>\\d+)", ""), env.str("$<m>/$<y>")}) ==
          "05/2024");
    CHECK(env.call(env.str("abc"), "search", {new_regexp(env.isolate, "c", "")}).as_number() == 2);
    CHECK(env.joined(env.call(env.str("a1b2c3"), "match", {new_regexp(env.isolate, "\\d", "g")})) == "1,2,3");
    // lastIndex advances with g and resets after the last match.
    Value g = new_regexp(env.isolate, "o", "g");
    CHECK(env.call(g, "test", {env.str("foo")}).as_bool());
    CHECK(get(env.isolate, g, "lastIndex").as_number() == 2);
    CHECK(env.call(g, "test", {env.str("foo")}).as_bool());
    CHECK_FALSE(env.call(g, "test", {env.str("foo")}).as_bool());
    CHECK(get(env.isolate, g, "lastIndex").as_number() == 0);
    // Case-insensitive, multiline and dotAll.
    CHECK(env.call(new_regexp(env.isolate, "^b", "mi"), "test", {env.str("a\nB")}).as_bool());
    CHECK(env.call(new_regexp(env.isolate, "a.b", "s"), "test", {env.str("a\nb")}).as_bool());
    CHECK_FALSE(env.call(new_regexp(env.isolate, "a.b", ""), "test", {env.str("a\nb")}).as_bool());
    auto error_message = [&](const char* pattern, const char* flags) {
        try {
            new_regexp(env.isolate, pattern, flags);
        } catch (const JsException& e) {
            return env.text(get(env.isolate, e.value, "name")) + ": " + env.text(get(env.isolate, e.value, "message"));
        }
        return std::string("no error");
    };
    CHECK(error_message("(", "g") == "SyntaxError: Invalid regular expression: /(/g: Unterminated group");
    CHECK(error_message("a)", "") == "SyntaxError: Invalid regular expression: /a)/: Unmatched ')'");
    CHECK(error_message("[a", "") == "SyntaxError: Invalid regular expression: /[a/: Unterminated character class");
    CHECK(error_message("*a", "") == "SyntaxError: Invalid regular expression: /*a/: Nothing to repeat");
    CHECK(error_message("a", "gg") == "SyntaxError: Invalid flags supplied to RegExp constructor 'gg'");
    // Only a lookbehind that opens the pattern is modelled.
    CHECK(error_message("a(?<=a)b", "") ==
          "SyntaxError: Invalid regular expression: /a(?<=a)b/: looplab: lookbehind is not supported");
    // A long match runs on the big-stack helper instead of overflowing.
    std::string long_text(200000, 'a');
    Value long_match = env.call(new_regexp(env.isolate, ".*", ""), "exec", {env.str(long_text.c_str())});
    CHECK(get(env.isolate, long_match, "0").as_string()->length() == 200000);
}

TEST_CASE("builtins: error objects, stack header and toString") {
    Env env;
    Value e = env.construct("TypeError", {env.str("t")});
    CHECK(env.s(e, "toString", {}) == "TypeError: t");
    // The stack's first line is formatted on first read (V8): a name set after construction shows.
    set(env.isolate, e, "name", env.str("E2"));
    std::string stack = env.text(get(env.isolate, e, "stack"));
    CHECK(stack.substr(0, stack.find('\n')) == "E2: t");
    Value with_cause = env.construct("Error", {env.str("a"), Value::object([&] {
                                                   JsObject* o = env.isolate.new_object();
                                                   create_data_property(env.isolate, o, env.isolate.intern("cause"), env.num(1));
                                                   return o;
                                               }())});
    std::vector<Value> keys = own_property_keys(env.isolate, with_cause.as_object(), KeyFilter::All, false);
    std::string names;
    for (Value k : keys) names += env.text(k) + " ";
    CHECK(names == "stack message cause ");
    Value agg_items[2] = {env.num(1), env.num(2)};
    Value agg = env.construct("AggregateError", {Value::object(env.isolate.new_array_from(agg_items)), env.str("msg")});
    CHECK(env.joined(get(env.isolate, agg, "errors")) == "1,2");
    CHECK(get(env.isolate, env.global("AggregateError"), "length").as_number() == 2);
    CHECK(env.construct("Error", {}).as_object()->props.find(env.isolate.intern("message")) == nullptr);
}

TEST_CASE("builtins: Buffer encodings round-trip as node prints them") {
    Env env;
    Value buffer = env.global("Buffer");
    Value b = env.call(buffer, "from", {env.str("h\xC3\xA9llo w\xC3\xB6rld \xF0\x9F\x98\x80")});
    CHECK(env.s(b, "toString", {env.str("hex")}) == "68c3a96c6c6f2077c3b6726c6420f09f9880");
    CHECK(env.s(b, "toString", {env.str("base64")}) == "aMOpbGxvIHfDtnJsZCDwn5iA");
    CHECK(env.s(b, "toString", {env.str("base64url")}) == "aMOpbGxvIHfDtnJsZCDwn5iA");
    CHECK(env.s(b, "toString", {env.str("ascii")}) == std::string("hC)llo wC6rld p\x1f\x18") + std::string(1, '\0'));
    CHECK(env.s(env.call(buffer, "from", {env.str("aGVsbG8gd29ybGQ="), env.str("base64")}), "toString", {}) == "hello world");
    CHECK(env.s(env.call(buffer, "from", {env.str("68656c6c6fzz00"), env.str("hex")}), "toString", {}) == "hello");
    CHECK(env.s(env.call(buffer, "from", {env.str("\xED\xA0\x80x")}), "toString", {env.str("hex")}) == "efbfbd78");
    Value bytes[5] = {env.num(0xe2), env.num(0x82), env.num(0x28), env.num(0xff), env.num(0x41)};
    CHECK(env.s(env.call(buffer, "from", {Value::object(env.isolate.new_array_from(bytes))}), "toString", {}) ==
          "\xEF\xBF\xBD(\xEF\xBF\xBD" "A");
    CHECK(env.call(buffer, "byteLength", {env.str("h\xC3\xA9llo")}).as_number() == 6);
    CHECK(env.s(env.call(buffer, "from", {env.str("h\xC3\xA9llo"), env.str("latin1")}), "toString", {env.str("hex")}) == "68e96c6c6f");
    CHECK(env.s(env.call(buffer, "alloc", {env.num(3), env.str("ab")}), "toString", {}) == "aba");
    Value w = env.call(buffer, "alloc", {env.num(8)});
    env.call(w, "writeUInt32LE", {env.num(0xdeadbeef), env.num(0)});
    env.call(w, "writeInt16BE", {env.num(-2), env.num(4)});
    CHECK(env.s(w, "toString", {env.str("hex")}) == "efbeaddefffe0000");
    CHECK(env.call(w, "readUInt32BE", {env.num(0)}).as_number() == 4022250974.0);
    CHECK(env.call(w, "readInt16BE", {env.num(4)}).as_number() == -2);
    try {
        env.call(w, "readUInt32LE", {env.num(6)});
        FAIL("no error");
    } catch (const JsException& e) {
        CHECK(env.text(get(env.isolate, e.value, "code")) == "ERR_OUT_OF_RANGE");
        CHECK(env.text(get(env.isolate, e.value, "message")) ==
              "The value of \"offset\" is out of range. It must be >= 0 and <= 4. Received 6");
    }
    Value hello = env.call(buffer, "from", {env.str("hello")});
    CHECK(env.call(hello, "write", {env.str("XY"), env.num(1)}).as_number() == 2);
    CHECK(env.s(hello, "toString", {}) == "hXYlo");
    CHECK(env.s(hello, "toString", {env.str("utf8"), env.num(1), env.num(3)}) == "XY");
    CHECK(env.s(env.call(hello, "slice", {env.num(3)}), "toString", {}) == "lo");
    CHECK(is_buffer(env.isolate, env.call(hello, "subarray", {env.num(1)})));
    Value json = env.call(env.call(buffer, "from", {env.str("\x01\x02")}), "toJSON", {});
    CHECK(env.text(get(env.isolate, json, "type")) == "Buffer");
    CHECK(env.joined(get(env.isolate, json, "data")) == "1,2");
}

TEST_CASE("builtins: typed arrays and DataView") {
    Env env;
    Value three[3] = {env.num(1), env.num(2), env.num(300)};
    Value u8 = env.construct("Uint8Array", {Value::object(env.isolate.new_array_from(three))});
    CHECK(env.s(u8, "join", {env.str("-")}) == "1-2-44");
    Value clamped_values[3] = {env.num(300), env.num(-5), env.num(1.5)};
    CHECK(env.s(env.construct("Uint8ClampedArray", {Value::object(env.isolate.new_array_from(clamped_values))}), "join", {}) == "255,0,2");
    try {
        env.construct("Int32Array", {env.construct("ArrayBuffer", {env.num(8)}), env.num(1)});
        FAIL("no error");
    } catch (const JsException& e) {
        CHECK(env.text(get(env.isolate, e.value, "message")) == "start offset of Int32Array should be a multiple of 4");
    }
    Value dv = env.construct("DataView", {env.construct("ArrayBuffer", {env.num(8)})});
    env.call(dv, "setFloat64", {env.num(0), env.num(1.5)});
    CHECK(env.call(dv, "getUint8", {env.num(0)}).as_number() == 63);
    CHECK(env.call(dv, "getUint8", {env.num(1)}).as_number() == 248);
    CHECK(env.call(dv, "getInt32", {env.num(0), Value::boolean(true)}).as_number() == 63551);
    CHECK(env.call(dv, "getFloat64", {env.num(0)}).as_number() == 1.5);
}

TEST_CASE("builtins: BigInt arithmetic") {
    Env env;
    Value a = bigint_from_literal(env.isolate, "123456789012345678901234567890");
    Value b = bigint_from_literal(env.isolate, "987654321");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Mul, a, b)) == "121932631124828532112482853211126352690");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Div, a, b)) == "124999998873437499901");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Mod, a, b)) == "574845669");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Sub, b, a)) == "-123456789012345678900246913569");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Exp, bigint_from_literal(env.isolate, "2"),
                                         bigint_from_literal(env.isolate, "100"))) == "1267650600228229401496703205376");
    Value minus7 = bigint_negate(env.isolate, bigint_from_literal(env.isolate, "7"));
    Value two = bigint_from_literal(env.isolate, "2");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Div, minus7, two)) == "-3");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Mod, minus7, two)) == "-1");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::Shr, minus7, bigint_from_literal(env.isolate, "1"))) == "-4");
    CHECK(bigint_to_string(bigint_binary(env.isolate, BigIntOp::BitAnd, minus7, bigint_from_literal(env.isolate, "0xff"))) == "249");
    CHECK(bigint_to_string(bigint_bitwise_not(env.isolate, minus7)) == "6");
    CHECK(bigint_to_string(bigint_from_literal(env.isolate, "0xff"), 16) == "ff");
    CHECK(bigint_compare_number(two, 2.5) == -1);
    CHECK(bigint_compare_number(two, 2) == 0);
    try {
        bigint_binary(env.isolate, BigIntOp::Add, two, Value::number(1));
        FAIL("no error");
    } catch (const JsException& e) {
        CHECK(env.text(get(env.isolate, e.value, "message")) == "Cannot mix BigInt and other types, use explicit conversions");
    }
    Value big = env.global("BigInt");
    Value from_number = env.isolate.call(big, Value::undefined(), std::vector<Value>{env.num(42)});
    CHECK(from_number.is_bigint());
    CHECK(env.s(from_number, "toString", {env.num(2)}) == "101010");
    CHECK(env.s(bigint_from_literal(env.isolate, "1234567"), "toLocaleString", {}) == "1,234,567");
}

TEST_CASE("builtins: Date formats as node does with TZ=UTC") {
    Env env;
    env.host.now = 1e12;
    Value epoch = env.construct("Date", {env.num(0)});
    CHECK(env.s(epoch, "toString", {}) == "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)");
    CHECK(env.s(epoch, "toDateString", {}) == "Thu Jan 01 1970");
    CHECK(env.s(epoch, "toUTCString", {}) == "Thu, 01 Jan 1970 00:00:00 GMT");
    CHECK(env.s(epoch, "toISOString", {}) == "1970-01-01T00:00:00.000Z");
    CHECK(env.s(env.construct("Date", {env.str("2024-03-05")}), "toString", {}) ==
          "Tue Mar 05 2024 00:00:00 GMT+0000 (Coordinated Universal Time)");
    CHECK(env.call(env.construct("Date", {env.str("2024-03-05T10:20:30Z")}), "getTime", {}).as_number() == 1709634030000);
    CHECK(env.s(env.construct("Date", {env.str("2024-03-05T10:20:30.5+02:00")}), "toISOString", {}) == "2024-03-05T08:20:30.500Z");
    CHECK(env.s(env.construct("Date", {env.num(2020), env.num(0), env.num(31), env.num(25)}), "toISOString", {}) ==
          "2020-02-01T01:00:00.000Z");
    CHECK(env.s(env.construct("Date", {env.num(-1)}), "toISOString", {}) == "1969-12-31T23:59:59.999Z");
    CHECK(env.s(env.construct("Date", {env.num(-62198755200000)}), "toISOString", {}) == "-000001-01-01T00:00:00.000Z");
    CHECK(env.s(env.construct("Date", {env.str("nope")}), "toString", {}) == "Invalid Date");
    CHECK(env.call(env.global("Date"), "parse", {env.str("Tue, 05 Mar 2024 10:20:30 GMT")}).as_number() == 1709634030000);
    CHECK(env.call(env.global("Date"), "parse", {env.str("Mar 5, 2024")}).as_number() == 1709596800000);
    CHECK(env.call(env.global("Date"), "UTC", {env.num(2020), env.num(1), env.num(29)}).as_number() == 1582934400000);
    Value now = env.construct("Date", {});
    CHECK(env.s(now, "toLocaleString", {}) == "9/9/2001, 1:46:40 AM");
    CHECK(env.call(env.global("Date"), "now", {}).as_number() == 1e12);
    Value x = env.construct("Date", {env.num(0)});
    env.call(x, "setFullYear", {env.num(2000)});
    env.call(x, "setMonth", {env.num(13)});
    env.call(x, "setDate", {env.num(0)});
    CHECK(env.s(x, "toISOString", {}) == "2001-01-31T00:00:00.000Z");
    CHECK(env.call(x, "getDay", {}).as_number() == 3);
}

TEST_CASE("builtins: URI functions and structuredClone") {
    Env env;
    Value encode_component = env.global("encodeURIComponent");
    auto call1 = [&](Value fn, Value arg) { return env.text(env.isolate.call(fn, Value::undefined(), std::span<const Value>(&arg, 1))); };
    CHECK(call1(encode_component, env.str("a b&c/d?\xC3\xA9\xF0\x9F\x98\x80")) == "a%20b%26c%2Fd%3F%C3%A9%F0%9F%98%80");
    CHECK(call1(env.global("encodeURI"), env.str("http://x.y/a b?q=1&r=\xC3\xA9#h")) == "http://x.y/a%20b?q=1&r=%C3%A9#h");
    CHECK(call1(env.global("decodeURIComponent"), env.str("%F0%9F%98%80%20x")) == "\xF0\x9F\x98\x80 x");
    CHECK(call1(env.global("decodeURI"), env.str("%3B%2F%20")) == "%3B%2F ");
    CHECK_THROWS_AS(call1(env.global("decodeURIComponent"), env.str("%E0%A4%A")), JsException);
    JsObject* o = env.isolate.new_object();
    create_data_property(env.isolate, o, env.isolate.intern("a"), env.num(1));
    create_data_property(env.isolate, o, env.isolate.intern("d"), env.construct("Date", {env.num(0)}));
    create_data_property(env.isolate, o, env.isolate.intern("self"), Value::object(o));
    Value arg = Value::object(o);
    Value copy = env.isolate.call(env.global("structuredClone"), Value::undefined(), std::span<const Value>(&arg, 1));
    CHECK(copy.as_object() != o);
    CHECK(get(env.isolate, copy, "self").as_object() == copy.as_object());
    CHECK(get(env.isolate, copy, "d").as_object()->cls == ObjectClass::Date);
    CHECK(get(env.isolate, copy, "a").as_number() == 1);
    CHECK(get(env.isolate, env.global("globalThis"), "globalThis").as_object() == env.isolate.realm().global);
}
