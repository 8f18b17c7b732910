// Objects nested deeper than depth 2 are abbreviated as [Object] / [Array].
const deep = { l1: { l2: { l3: { l4: 'too deep' } }, arr: [[[['x']]]] } };
console.log(deep);
console.log({ a: { b: { c: {} } } });
console.log({ a: { b: { c: [] } } });
console.log([[[[1]]]]);
console.log([[[[]]]]);
console.log({ a: { b: { c: { d: 1 } } } }.a);
