// Circular references print as [Circular *1] with a <ref *1> marker on the target.
const a = { name: 'a' };
a.self = a;
console.log(a);
const parent = { name: 'parent', children: [] };
parent.children.push({ name: 'kid', parent });
console.log(parent);
const arr = [1];
arr.push(arr);
console.log(arr);
const x = { name: 'x' };
const y = { name: 'y', x };
x.y = y;
console.log([x, y]);
const m = new Map();
m.set('me', m);
console.log(m);
