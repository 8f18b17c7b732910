// Proxy and Reflect (ECMAScript 10.5, 28.1) and a leading RegExp lookbehind,
// checked through the VM harness.
#include <doctest/doctest.h>

#include "tests/unit/test_vm_support.h"

using looplab::js::testing::VmHarness;

TEST_CASE("js proxy: traps run, absent traps forward to the target") {
    VmHarness h;
    CHECK(h.run("const log = []; const p = new Proxy({ a: 1 }, { get(t, k, r) { log.push(k); return Reflect.get(t, k, r); } });"
                "return p.a + ':' + log.join()") == "1:a");
    CHECK(h.run("const t = {}; const p = new Proxy(t, {}); p.x = 2; delete p.y; return t.x + ',' + ('x' in p) + ',' + Object.keys(p)") ==
          "2,true,x");
    CHECK(h.run("const p = new Proxy(function (a) { return a * 2; }, { apply: (f, self, args) => f(...args) + 1 });"
                "return typeof p + p(4)") == "function9");
    CHECK(h.run("class A {} const P = new Proxy(A, {}); return (new P() instanceof A) + ',' + Array.isArray(new Proxy([], {}))") ==
          "true,true");
    CHECK(h.run("return JSON.stringify(new Proxy([1, { b: 2 }], {}))") == "[1,{\"b\":2}]");
}

TEST_CASE("js proxy: invariants and revocation throw V8's TypeErrors") {
    VmHarness h;
    CHECK(h.run("return new Proxy(Object.freeze({ a: 1 }), { get: () => 2 }).a").starts_with(
        "throws TypeError: 'get' on proxy: property 'a' is a read-only and non-configurable"));
    CHECK(h.run("'use strict'; const p = new Proxy({}, { set: () => false }); p.x = 1") ==
          "throws TypeError: 'set' on proxy: trap returned falsish for property 'x'");
    CHECK(h.run("const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy.x") ==
          "throws TypeError: Cannot perform 'get' on a proxy that has been revoked");
    CHECK(h.run("return Object.keys(new Proxy({}, { ownKeys: () => ['a', 'a'] }))") ==
          "throws TypeError: 'ownKeys' on proxy: trap returned duplicate entries");
    CHECK(h.run("return Proxy({}, {})") == "throws TypeError: Constructor Proxy requires 'new'");
}

TEST_CASE("js regexp: a lookbehind at the start of the pattern") {
    VmHarness h;
    CHECK(h.run("return '$10 20 $30'.match(/(?<=\\$)\\d+/g).join()") == "10,30");
    CHECK(h.run("return '$10 20 $30'.match(/(?<!\\$)\\b\\d+/g).join()") == "20");
    CHECK(h.run("return 'foobar barbar'.replace(/(?<=foo)bar/g, 'X')") == "fooX barbar");
}
