// Map keeps insertion order, accepts any key type, and reports size.
const m = new Map();
const objKey = { id: 1 };
m.set('a', 1).set(objKey, 'object').set(NaN, 'nan').set(1, 'number one').set('1', 'string one');
console.log(m.size, m.get(objKey), m.get(NaN), m.get(1), m.get('1'), m.get({ id: 1 }));
m.set('a', 100);
console.log([...m.keys()].map(String));
console.log(m.delete('a'), m.delete('a'), m.has('a'), m.size);
m.forEach((v, k) => console.log(typeof k, v));
for (const [k, v] of new Map([[3, 'c'], [1, 'a']])) console.log(k, v);
m.clear();
console.log(m.size);
