// The compiler and the interpreter: language features end to end.
#include <doctest/doctest.h>

#include "tests/unit/test_vm_support.h"

using looplab::js::testing::VmHarness;

TEST_CASE("vm: arithmetic, variables and control flow") {
    VmHarness h;
    CHECK(h.run("return 1 + 2 * 3") == "7");
    CHECK(h.run("let s = 0; for (let i = 0; i < 10; i++) s += i; return s") == "45");
    CHECK(h.run("var x = 5; x -= 2; x *= 3; return x % 4") == "1");
    CHECK(h.run("let a = 'a'; a += 1; return a + true") == "a1true");
    CHECK(h.run("let n = 0; while (true) { if (++n > 5) break; } return n") == "6");
    CHECK(h.run("let n = 0; do { n++ } while (n < 3); return n") == "3");
    CHECK(h.run("return typeof undeclared + ',' + typeof 1 + ',' + typeof {} + ',' + typeof (() => 1)") ==
          "undefined,number,object,function");
    CHECK(h.run("return 2 ** 10 + (7 >>> 1) + (-7 >> 1) + (5 & 3) + (5 | 3) + (5 ^ 3) + (1 << 4)") == "1053");
    CHECK(h.run("return [1 == '1', 1 === '1', null == undefined, NaN != NaN, 'b' > 'a', 3 <= 2].join()") ==
          "true,false,true,true,true,false");
    CHECK(h.run("let r = []; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j == 1) continue outer; if (i == 2) break outer; r.push(i + '' + j); } } return r") ==
          "[00,10]");
    CHECK(h.run("switch (3) { case 1: return 'one'; case 3: { let x = 'three'; return x; } default: return 'd' }") == "three");
    CHECK(h.run("let r = ''; switch (2) { case 1: r += 'a'; case 2: r += 'b'; case 3: r += 'c'; break; default: r += 'd' } return r") == "bc");
    CHECK(h.run("let a = null; return (a ?? 'x') + (0 || 'y') + (1 && 'z')") == "xyz");
    CHECK(h.run("let o = {a: {b: null}}; return [o?.a?.b?.c, o.x?.y, o.a?.['b']].join('|')") == "||");
    CHECK(h.run("let o = null; return o?.f()") == "undefined");
    // `??=` is split across two literals so C++ never sees a trigraph.
    CHECK(h.run("let a = 1; a ||= 2; let b = null; b ?" "?= 3; let c = 1; c &&= 4; return a + b + c") == "8");
    CHECK(h.run("return `a${1 + 1}b${'c'}`") == "a2bc");
    CHECK(h.run("var i = 0, j = (i++, i++, i); return j") == "2");
    CHECK(h.run("const o = {x: 1}; delete o.x; return 'x' in o") == "false");
    CHECK(h.run("let b = 2n ** 64n; b++; return [b, -b, 0n ? 'y' : 'n', 1n < 2, 10n > 9n, typeof b].join()") ==
          "18446744073709551617,-18446744073709551617,n,true,true,bigint");
}

TEST_CASE("vm: functions, closures and this") {
    VmHarness h;
    CHECK(h.run("function f(a, b = 2, ...rest) { return a + b + rest.length } return f(1) + f(1, 1, 1, 1)") == "7");
    CHECK(h.run("return hoisted(); function hoisted() { return 'h' }") == "h");
    CHECK(h.run("function mk() { let n = 0; return () => ++n } const c = mk(); c(); c(); return c()") == "3");
    CHECK(h.run("const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); return fs.map(f => f()).join()") == "0,1,2");
    CHECK(h.run("const o = { v: 42, get() { return (() => this.v)() } }; return o.get()") == "42");
    CHECK(h.run("function f() { return arguments.length + arguments[1] } return f(1, 2, 3)") == "5");
    CHECK(h.run("const fact = function me(n) { return n <= 1 ? 1 : n * me(n - 1) }; return fact(5)") == "120");
    CHECK(h.run("function F(x) { this.x = x } F.prototype.get = function () { return this.x }; return new F(7).get()") == "7");
    CHECK(h.run("function f() { return new.target === f } return [f(), new f() instanceof f].join()") == "false,true");
    CHECK(h.run("const add = (a, b) => a + b; return add.call(null, 1, 2) + add.apply(null, [3, 4]) + add.bind(null, 5)(6)") == "21");
    CHECK(h.run("const f = function () {}; const g = () => {}; return f.name + g.name") == "fg");
    CHECK(h.run("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) } return fib(20)") == "6765");
}

TEST_CASE("vm: let/const, TDZ and globals") {
    VmHarness h;
    CHECK(h.run("x; let x = 1") == "throws ReferenceError: Cannot access 'x' before initialization");
    CHECK(h.run("const c = 1; c = 2") == "throws TypeError: Assignment to constant variable.");
    CHECK(h.run("return nope") == "throws ReferenceError: nope is not defined");
    CHECK(h.run("implicitGlobal = 5; return globalThis.implicitGlobal") == "5");
    CHECK(h.run("function f() { return g() } const g = () => 'ok'; return f()") == "ok");
    CHECK(h.run("{ let a = 1; { let a = 2; } return a }") == "1");
}

TEST_CASE("vm: destructuring and spread") {
    VmHarness h;
    CHECK(h.run("const {a, b: {c = 5} = {}, ...rest} = {a: 1, d: 4, e: 5}; return a + c + Object.keys(rest).join()") == "6d,e");
    CHECK(h.run("const [x, , y = 3, ...zs] = [1, 2, undefined, 4, 5]; return x + y + zs.length") == "6");
    CHECK(h.run("let a = 1, b = 2; [a, b] = [b, a]; return a * 10 + b") == "21");
    CHECK(h.run("function f({p, q} = {p: 1, q: 2}, [r] = [3]) { return p + q + r } return f()") == "6");
    CHECK(h.run("const arr = [1, 2]; return [...arr, ...'ab', 3].join()") == "1,2,a,b,3");
    CHECK(h.run("const o = {a: 1}; return JSON.stringify({...o, b: 2})") == "{\"a\":1,\"b\":2}");
    CHECK(h.run("function f(...a) { return a.join('-') } return f(...[1, 2], 3)") == "1-2-3");
    CHECK(h.run("const m = new Map([[1, 'a'], [2, 'b']]); let s = ''; for (const [k, v] of m) s += k + v; return s") == "1a2b");
    CHECK(h.run("const {x} = null") == "throws TypeError: Cannot destructure property 'x' of 'null' as it is null.");
}

TEST_CASE("vm: objects, getters, computed keys, for-in") {
    VmHarness h;
    CHECK(h.run("const k = 'dyn'; const o = { [k + 1]: 1, get g() { return 2 }, set s(v) { this._s = v }, m() { return 3 } }; o.s = 4; return o.dyn1 + o.g + o.m() + o._s") == "10");
    CHECK(h.run("const o = {a: 1, b: 2}; const ks = []; for (const k in o) ks.push(k); return ks") == "[a,b]");
    CHECK(h.run("const proto = { hi() { return 'proto' } }; const o = { __proto__x: 1, hi() { return super.hi() + '!' } }; Object.setPrototypeOf(o, proto); return o.hi()") == "proto!");
}

TEST_CASE("vm: exceptions and finally") {
    VmHarness h;
    CHECK(h.run("try { throw new Error('boom') } catch (e) { return e.message }") == "boom");
    CHECK(h.run("let log = []; function f() { try { return 'r' } finally { log.push('f') } } return f() + log") == "rf");
    CHECK(h.run("let n = 0; for (let i = 0; i < 3; i++) { try { if (i == 1) break; } finally { n++ } } return n") == "2");
    CHECK(h.run("let n = 0; for (let i = 0; i < 3; i++) { try { continue; } finally { n++ } } return n") == "3");
    CHECK(h.run("function f() { try { throw 1 } catch { return 'c' } finally { } } return f()") == "c");
    CHECK(h.run("try { try { throw 'a' } finally { } } catch (e) { return e }") == "a");
    CHECK(h.run("try { null.x } catch (e) { return e.constructor.name + ': ' + e.message }") ==
          "TypeError: Cannot read properties of null (reading 'x')");
    CHECK(h.run("const obj = {}; obj.foo()") == "throws TypeError: obj.foo is not a function");
    CHECK(h.run("let u; u.x = 1") == "throws TypeError: Cannot set properties of undefined (setting 'x')");
    CHECK(h.run("for (const x of 5) {}") == "throws TypeError: 5 is not iterable");
    CHECK(h.run("function r() { return r() } r()") == "throws RangeError: Maximum call stack size exceeded");
    CHECK(h.run("function r() { return r() } try { r() } catch (e) { return e instanceof RangeError }") == "true");
}

TEST_CASE("vm: classes") {
    VmHarness h;
    CHECK(h.run(R"(
        class A { #secret = 1; static count = 0; x = 10;
          constructor(y) { this.y = y; A.count++; }
          get sum() { return this.x + this.y + this.#secret }
          #hidden() { return 'h' } reveal() { return this.#hidden() }
          static make() { return new A(5) } }
        const a = A.make(); return [a.sum, a.reveal(), A.count, typeof A].join())") == "16,h,1,function");
    CHECK(h.run(R"(
        class Animal { constructor(n) { this.n = n } speak() { return this.n + ' makes a sound' } }
        class Dog extends Animal { speak() { return super.speak() + ' (woof)' } }
        return new Dog('Rex').speak())") == "Rex makes a sound (woof)");
    CHECK(h.run(R"(
        class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } }
        try { throw new MyErr('bad') } catch (e) { return [e instanceof MyErr, e instanceof Error, e.name, e.message, e.stack.split('\n')[0]].join() })") ==
          "true,true,MyErr,bad,MyErr: bad");
    CHECK(h.run(R"(
        class List extends Array { sum() { return this.reduce((a, b) => a + b, 0) } }
        const l = new List(1, 2, 3); return [l.length, l.sum(), l instanceof List, Array.isArray(l)].join())") == "3,6,true,true");
    CHECK(h.run("class A {} A()") == "throws TypeError: Class constructor A cannot be invoked without 'new'");
    CHECK(h.run("class B extends 1 {}") == "throws TypeError: Class extends value 1 is not a constructor or null");
    CHECK(h.run("class S { static { S.v = 'static block' } } return S.v") == "static block");
    CHECK(h.run("class C { static #p = 3; static get p() { return C.#p } } return C.p") == "3");
    CHECK(h.run("class D extends Object { constructor() { this.x = 1 } } new D()") ==
          "throws ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
    CHECK(h.run("class P { f = () => this.v; v = 9 } return new P().f()") == "9");
}

TEST_CASE("vm: generators") {
    VmHarness h;
    CHECK(h.run("function* g() { yield 1; yield 2; return 3 } return [...g()].join()") == "1,2");
    CHECK(h.run("function* g() { const x = yield 1; yield x * 2 } const it = g(); it.next(); return it.next(21).value") == "42");
    CHECK(h.run("function* g() { try { yield 1 } finally { log.push('cleanup') } } const log = []; const it = g(); it.next(); it.return(5); return log") == "[cleanup]");
    CHECK(h.run("function* inner() { yield 'a'; yield 'b'; return 'r' } function* outer() { const r = yield* inner(); yield r } return [...outer()].join()") == "a,b,r");
    CHECK(h.run("function* g() { try { yield 1 } catch (e) { yield 'caught ' + e } } const it = g(); it.next(); return it.throw('x').value") == "caught x");
    CHECK(h.run("function* nat() { let i = 0; while (true) yield i++ } let s = 0; for (const n of nat()) { if (n > 4) break; s += n } return s") == "10");
    CHECK(h.run("const o = { *[Symbol.iterator]() { yield 7 } }; return [...o][0]") == "7");
}

TEST_CASE("vm: async functions and await") {
    VmHarness h;
    CHECK(h.run("async function f() { const a = await 1; const b = await Promise.resolve(2); return a + b } return f()") == "3");
    CHECK(h.run("async function f() { throw new Error('no') } return f()") == "rejects Error: no");
    CHECK(h.run("async function f() { try { await Promise.reject(new Error('r')) } catch (e) { return 'caught ' + e.message } } return f()") == "caught r");
    CHECK(h.run(R"(
        const order = [];
        async function a() { order.push('a1'); await null; order.push('a2') }
        a(); order.push('sync');
        return (async () => { await null; await null; return order.join() })())") == "a1,sync,a2");
    CHECK(h.run(R"(
        async function* gen() { yield 1; await null; yield 2 }
        return (async () => { const out = []; for await (const v of gen()) out.push(v); return out.join() })())") == "1,2");
    CHECK(h.run("const f = async x => x * 2; return f(4)") == "8");
    CHECK(h.run("class K { async m() { return 'm' } } return new K().m()") == "m");
}

TEST_CASE("vm: stack traces and throw positions") {
    VmHarness h;
    CHECK(h.run("function inner() { return new Error('x').stack } function outer() { return inner() }\nreturn outer()") ==
          "Error: x\n    at inner (/test/main.js:1:27)\n    at outer (/test/main.js:1:76)\n    at Object.<anonymous> (/test/main.js:2:8)");
    h.run("let a = 1;\n  throw new Error('here');");
    const auto& pos = h.isolate.interpreter().last_throw_position();
    CHECK(pos.line == 2);
    CHECK(pos.column == 3);
    CHECK(pos.source_line == "  throw new Error('here');");
}

TEST_CASE("vm: compile errors are reported with positions") {
    VmHarness h;
    looplab::js::CompileError err;
    CHECK(h.compile("let x = ;", &err) == nullptr);
    CHECK(err.message == "Unexpected token ';'");
    CHECK(err.line == 1);
    CHECK(err.column == 9);
}

TEST_CASE("vm: step limit and garbage collection") {
    looplab::js::IsolateLimits limits;
    limits.max_steps = 100000;
    VmHarness h(limits);
    CHECK_THROWS_AS(h.run("while (true) {}"), looplab::js::LimitExceeded);
    VmHarness g;
    CHECK(g.run("let keep = []; for (let i = 0; i < 300000; i++) { const o = {i, s: 'x' + i}; if (i % 1000 == 0) keep.push(o) } return keep.length") == "300");
    CHECK(g.isolate.heap().stats().collections > 0);
}

TEST_CASE("vm: assorted edge cases") {
    VmHarness h;
    CHECK(h.run("const fs = []; for (const x of [1, 2]) fs.push(() => x); return fs.map(f => f()).join()") == "1,2");
    CHECK(h.run("a: { if (true) break a; return 'no' } return 'yes'") == "yes");
    CHECK(h.run("function f() { try { return 1 } finally { return 2 } } return f()") == "2");
    CHECK(h.run("class A { get v() { return 'A' } } class B extends A { get v() { return super.v + 'B' } } return new B().v") == "AB");
    CHECK(h.run("function f() { return (() => arguments[0])() } return f('outer')") == "outer");
    CHECK(h.run("const log = []; function* g() { try { yield 1; yield 2 } finally { log.push('closed') } } try { for (const x of g()) throw 'e' } catch {} return log") == "[closed]");
    CHECK(h.run("function f(a, b = a * 2) { return b } return f(4)") == "8");
    CHECK(h.run("let s = ''; for (const {a, b: [c]} of [{a: 1, b: [2]}, {a: 3, b: [4]}]) s += a + c; return s") == "37");
    CHECK(h.run("function tag(s, ...v) { return s.raw.join('|') + v.join() } return tag`a\\n${1}b${2}`") == "a\\n|b|1,2");
    CHECK(h.run("class K { v = 5; m() { return (async () => this.v)() } } return new K().m()") == "5");
    CHECK(h.run("const o = {}; return [o.m?.(), o.f?.x, (null)?.[1]].join('|')") == "||");
    CHECK(h.run("let i, j; for (i = 0, j = 10; i < j; i++, j--); return i") == "5");
    CHECK(h.run("function F() { this.t = (() => new.target)() } return new F().t === F") == "true");
    CHECK(h.run("const fs = []; switch (1) { case 1: let q = 'q'; fs.push(() => q) } return fs[0]()") == "q");
    CHECK(h.run("let n = 0; const o = { get x() { n++; return 1 } }; o.x; o.x; return n") == "2");
    CHECK(h.run("function f() { 'use strict'; return this } return f() === undefined") == "true");
    CHECK(h.run("function f() { return this } return f() === globalThis") == "true");
    CHECK(h.run("var x = 1; { function x2() {} } return typeof x2") == "function");
    CHECK(h.run("const {a = 1, ...r} = {b: 2}; return a + r.b") == "3");
    // `??=` split across two literals, as above.
    CHECK(h.run("let c = 0; const o = {get k() { c++; return 'k' }}; const t = {}; t[o.k] ?" "?= 1; t[o.k] ||= 2; return c + ':' + t.k") == "2:1");
    CHECK(h.run("const a = [1, 2, 3]; a.x = 1; let out = []; for (const i in a) out.push(i); return out") == "[0,1,2,x]");
    CHECK(h.run("return [typeof function* () {}, typeof (async () => {}), Object.getPrototypeOf(function* () {}()) !== null].join()") == "function,function,true");
    CHECK(h.run("const it = [1, 2, 3][Symbol.iterator](); const [first] = it; return first + ',' + it.next().value") == "1,2");
}

TEST_CASE("vm: break closes for-of and for-await iterators") {
    VmHarness h;
    CHECK(h.run("const log = []; function* g() { try { while (true) yield 1 } finally { log.push('fin') } }"
                " for (const x of g()) break; log.push('after'); return log") == "[fin,after]");
    CHECK(h.run("const log = []; function* g() { try { yield 1 } finally { log.push('fin') } }"
                " L: for (const y of [1]) { for (const x of g()) continue L; } return log") == "[fin]");
    CHECK(h.run("const log = []; async function* g() { try { while (true) yield 1 } finally { await null; log.push('fin') } }"
                " async function f() { for await (const x of g()) break; log.push('after'); return log } return f()") ==
          "[fin,after]");
    CHECK(h.run("const it = { [Symbol.asyncIterator]() { return { next: () => ({ value: 1, done: false }), return: () => 5 } } };"
                " async function f() { for await (const x of it) break; } return f()") ==
          "rejects TypeError: Iterator result 5 is not an object");
    CHECK(h.run("async function* g() { yield 1 } async function f() { const r = await g().return(Promise.resolve(7));"
                " return r.value + ',' + r.done } return f()") == "7,true");
}

TEST_CASE("vm: super property assignment and __proto__ in literals") {
    VmHarness h;
    CHECK(h.run("const log = []; class A { get x() { return this._x ?? 1 } set x(v) { log.push(v); this._x = v } }"
                " class B extends A { set x(v) { log.push('B') } get x() { return 0 } inc() { super.x += 5; super.x++; return super.x } }"
                " const r = new B().inc(); return log.join() + '|' + r") == "6,7|7");
    CHECK(h.run("const o = { __proto__: { m() { return 'p' } }, m() { return super.m() + '!' } }; return o.m()") == "p!");
    CHECK(h.run("return Object.keys({ __proto__: null, ['__proto__']: 1 }).join()") == "__proto__");
    CHECK(h.run("const o = { get x() { return 1 } }; return Object.getOwnPropertyDescriptor(o, 'x').get.name") == "get x");
}
