// Iterating Map, Set and objects: insertion order and integer keys.
const o = { b: 1, 2: 'two', a: 2, 1: 'one', '-1': 'neg', '01': 'lead' };
console.log(Object.keys(o), JSON.stringify(o));
o.c = 3; delete o.b; o.b = 4;
console.log(Object.keys(o));
const m = new Map(); m.set('z', 1).set('a', 2).set(1, 3); m.delete('z'); m.set('z', 4);
console.log([...m.keys()], m);
const s = new Set([5, 1, 5, 3]); s.delete(1); s.add(1);
console.log([...s], s.entries().next().value);
const visited = [];
const live = new Set([1, 2, 3]);
for (const v of live) { visited.push(v); if (v === 1) { live.delete(2); live.add(4); } }
console.log(visited);
const arr = [1, 2, 3, 4];
const seen = [];
for (const v of arr) { seen.push(v); if (v === 2) arr.push(5); if (arr.length > 6) break; }
console.log(seen);
console.log(Array.from(new Map([['k', 'v']]).entries()), [...'ab'].map((c, i) => c.repeat(i + 1)));
const entries = Object.entries({ x: 1, y: 2 }).map(([k, v]) => `${k}=${v}`).join('&');
console.log(entries, new URLSearchParams({ x: 1, y: 2 }).toString());
