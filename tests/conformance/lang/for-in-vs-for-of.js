// for..in walks enumerable keys (including inherited); for..of walks iterable values.
const arr = ['a', 'b'];
arr.extra = 'x';
for (const k in arr) console.log('in:', k, typeof k);
for (const v of arr) console.log('of:', v);
const parent = { inherited: 1 };
const child = Object.create(parent);
child.own = 2;
const keys = [];
for (const k in child) keys.push(k);
console.log(keys, Object.keys(child));
for (const [i, v] of arr.entries()) console.log(i, v);
