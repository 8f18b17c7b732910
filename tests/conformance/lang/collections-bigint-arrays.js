const m = new Map([['a', 1], [NaN, 'nan'], [0, 'zero']]);
m.set(-0, 'negzero').set({}, 'obj');
console.log(m.get(NaN), m.get(0), m.size, [...m.keys()], m);
m.delete('a');
for (const [k, v] of m) console.log(typeof k, v);
m.forEach((v, k, map) => { if (k === 0) map.set('late', 'added'); });
console.log([...m.values()]);
const s = new Set([3, 1, 3, 2, 1]);
console.log(s, s.has(2), [...s].sort(), new Set('hello'), s.size);
const grouped = Object.groupBy?.([1, 2, 3, 4, 5], (n) => (n % 2 ? 'odd' : 'even'));
console.log(grouped, typeof Map.groupBy);
const wm = new WeakMap();
const key = {};
wm.set(key, 'meta');
console.log(wm.get(key), wm.has({}), wm, new WeakSet([key]));
try { wm.set('str', 1); } catch (e) { console.log(e.name, e.message); }
const ref = new WeakRef(key);
console.log(ref.deref() === key, ref);
const sym = Symbol('desc');
console.log(sym.description, Symbol().description, Symbol('').description, sym.toString(), Symbol.for('app') === Symbol.for('app'), Symbol.keyFor(Symbol.for('app')));
console.log(Object(sym), [Symbol.asyncIterator, Symbol.hasInstance], typeof sym, { [sym]: 1, regular: 2 });
const big = 2n ** 100n;
console.log(big, big.toString(16), -big / 3n, big % 7n, BigInt('0x1f'), BigInt(Number.MAX_SAFE_INTEGER) + 2n, typeof big, 5n == 5, 5n === 5);
console.log(BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), 10n > 9, [3n, 1n, 2n].sort(), 0n ? 't' : 'f', -(-3n), 7n / 2n);
try { 1n + 1; } catch (e) { console.log(e.name, e.message); }
try { BigInt(1.5); } catch (e) { console.log(e.name, e.message); }
try { Math.max(1n); } catch (e) { console.log(e.name, e.message); }
console.log(JSON.stringify({ m: new Map([[1, 2]]) }), Array.from(new Map([[1, 2]])), Object.fromEntries(new Map([['x', 1]])));
const arr = [5, 1, 4];
console.log(arr.toSorted(), arr.toReversed(), arr.with(0, 9), arr.toSpliced(1, 1), arr, arr.findLast((x) => x > 1), arr.findLastIndex((x) => x > 10));
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap((x) => [x, [x * 2]]), [1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3].at(-1));
const people = [{ n: 'a', g: 2 }, { n: 'b', g: 1 }, { n: 'c', g: 2 }, { n: 'd', g: 1 }];
console.log(people.sort((x, y) => x.g - y.g).map((p) => p.n).join(''), Array.from('abc', (c, i) => c + i), Array.of(7), [3, 2, 1].includes(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN));
console.log([1, 2, 3].reduceRight((a, b) => a + '-' + b), [].reduce((a, b) => a, 'init'), [1, 2, 3].fill(0, 1), new Array(3).fill().map((_, i) => i), [..."ab"].entries().next());
try { [].reduce((a, b) => a); } catch (e) { console.log(e.name, e.message); }
