const data = { name: 'x', when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), n: NaN, inf: -Infinity, u: undefined, f() {}, s: Symbol('s'), nested: [undefined, () => 1, Symbol('t'), null], big: { toJSON(key) { return `toJSON(${key})`; } } };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, ['name', 'n', 'nested']));
console.log(JSON.stringify({ a: 1, b: [1, 2], c: { d: 'e' } }, (k, v) => (typeof v === 'number' ? v * 10 : v), '--'));
console.log(JSON.stringify([new Map([[1, 2]]), new Set([1]), new Error('e'), /re/, new Boolean(true), new String('s'), Object(1)]));
console.log(JSON.stringify('he said "hi"\n\u2028\u0007'), JSON.stringify({ '\ud800': '\udfff' }), JSON.stringify('\u{1F600}'));
console.log(JSON.stringify({ a: 1 }, null, 20).length, JSON.stringify([1, [2]], null, '\t'), JSON.stringify({}, null, 2), JSON.stringify([], null, 2));
try { JSON.stringify({ b: 1n }); } catch (e) { console.log(e.name, e.message); }
const cyc = { a: { b: {} } }; cyc.a.b.c = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log(e.name, e.message.split('\n')[0]); }
console.log(JSON.parse('{"a":[1,{"b":2}],"c":"d"}', function (k, v) { return typeof v === 'number' ? v + 1 : v; }));
console.log(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v)), JSON.parse(' "\\u0041" '), JSON.parse('1e3'), JSON.parse('-0'));
for (const bad of ['{a:1}', "{'a':1}", '[1,]', '', '01', '{"a":1}x', 'tru', '"\t"', '{"a"}']) {
  try { JSON.parse(bad); } catch (e) { console.log(e.name, e.message); }
}
const d = new Date(Date.UTC(2020, 1, 29, 23, 59, 59, 999));
console.log(d.toISOString(), d.getUTCDay(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.valueOf());
console.log(JSON.stringify(d), d.toJSON(), new Date(0).toISOString(), new Date(-1).toISOString(), new Date(8.64e15).toISOString());
console.log(new Date('2024-01-15T10:00:00Z').getTime(), Date.UTC(2024, 12, 1), Date.UTC(99, 0), new Date('2024-02-30T00:00:00Z').getTime());
console.log(new Date(NaN).getTime(), String(new Date(NaN)), new Date('garbage').toJSON(), isNaN(new Date('x')));
try { new Date(NaN).toISOString(); } catch (e) { console.log(e.name, e.message); }
const e = new Date(Date.UTC(2024, 0, 31));
e.setUTCMonth(1);
console.log(e.toISOString(), new Date(Date.UTC(2024, 0, 1)).toUTCString(), Date.parse('2024-03-01T00:00:00.000Z'));
console.log([new Date(Date.UTC(2001, 8, 9, 1, 46, 40))], { d: new Date(1e12) });
console.log(new Date(2024, 0, 1, 0, 0, 0).getFullYear(), typeof Date.now(), new Date(Date.UTC(-1, 0)).toISOString(), new Date(Date.UTC(10000, 0)).toISOString());
