const { a = 1, b: { c = 2, ...restB } = {}, ...rest } = { b: { c: undefined, d: 4, e: 5 }, f: 6, g: 7 };
console.log(a, c, restB, rest);
const [x, , y = 10, ...zs] = [1, 2, undefined, 4, 5];
console.log(x, y, zs);
function f({ name, tags: [first, ...others] = [] } = {}, ...args) { return [name, first, others, args.length]; }
console.log(f(), f({ name: 'n', tags: ['a', 'b', 'c'] }, 1, 2));
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
const key = 'dyn';
const { [key]: dynVal = 'default', [`${key}2`]: d2 = 'd2' } = { dyn: 'value' };
console.log(dynVal, d2);
for (const [k, v] of Object.entries({ one: 1, two: 2 })) console.log(k, v);
for (const { id, ...more } of [{ id: 1, x: 1 }, { id: 2 }]) console.log(id, more);
const sumAll = (...nums) => nums.reduce((s, n) => s + n, 0);
console.log(sumAll(...[1, 2, 3], ...new Set([4, 5])), Math.max(...'123'));
console.log([...'héllo'], [...new Map([[1, 'a']])], { ...'ab', ...[9], ...null, ...{ z: 1 } });
const obj = { arr: [1, [2, [3, [4]]]] };
const { arr: [, [, [three]]] } = obj;
console.log(three);
try { const { z } = null; } catch (e) { console.log(e.constructor.name, e.message); }
try { const [w] = {}; } catch (e) { console.log(e.constructor.name, e.message); }
try { const { u: { v } } = {}; } catch (e) { console.log(e.constructor.name, e.message); }
function defaults(a, b = a * 2, c = () => a + b) { a = 100; return [a, b, c()]; }
console.log(defaults(1), defaults(1, 5));
console.log(((a, b = 2, ...c) => 0).length, (function (a, b) {}).length);
