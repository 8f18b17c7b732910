// Object.keys/values/entries/fromEntries and Object.assign.
const o = { b: 2, a: 1, c: 3 };
console.log(Object.keys(o), Object.values(o), Object.entries(o));
const doubled = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v * 2]));
console.log(doubled);
const target = { a: 0 };
const result = Object.assign(target, { b: 1 }, null, { a: 2, c: 3 });
console.log(result === target, target);
console.log(Object.fromEntries(new Map([['x', 1], ['y', 2]])));
console.log(Object.entries('hi'), Object.keys([4, 5]));
