// Spread copies own enumerable properties shallowly; setters are not invoked.
const src = { a: 1, nested: { b: 2 } };
const copy = { ...src };
copy.nested.b = 99;
copy.a = 100;
console.log(src, copy);
const target = { set x(v) { console.log('setter called with', v); } };
Object.assign(target, { x: 1 });
const spread = { ...target, ...{ x: 2 } };
console.log(Object.getOwnPropertyDescriptor(spread, 'x').value);
console.log(structuredClone({ d: new Date(0), m: new Map([[1, 2]]) }));
