// Own keys order: integer-like keys ascending first, then strings in insertion order, then symbols.
const o = { b: 1, 2: 'two', a: 2, 1: 'one', '-1': 'neg', '01': 'zero-one', 10: 'ten' };
o[Symbol('s')] = 'sym';
o.z = 3;
o[1.5] = 'x';
console.log(Object.keys(o));
console.log(JSON.stringify(o));
console.log(Reflect.ownKeys(o).length);
for (const k in o) process.stdout.write(k + ' ');
console.log();
