// JSON.stringify: indentation, nesting, dropped undefined/functions, toJSON, replacers.
const data = { name: 'x', n: 1.5, list: [1, 'two', null], nested: { ok: true }, skip: undefined, fn() {} };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify([undefined, () => {}, Symbol('s')]));
console.log(JSON.stringify({ when: new Date(0), big: { toJSON() { return 'custom'; } } }));
console.log(JSON.stringify(data, ['name', 'n']), JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === 'a' ? undefined : v)));
console.log(JSON.stringify('he said "hi"\n'), JSON.stringify(NaN), JSON.stringify(undefined));
console.log(JSON.stringify({ a: [] , b: {} }, null, '--'));
