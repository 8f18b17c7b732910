// Set keeps unique values in insertion order; iteration and forEach.
const s = new Set([3, 1, 3, 2, 1]);
console.log(s.size, [...s]);
s.add(1).add(4);
console.log(s.has(4), s.has('4'), s.delete(3), [...s]);
s.forEach((v, v2, set) => console.log(v, v === v2, set === s));
const a = new Set([1, 2, 3]);
const b = new Set([2, 3, 4]);
console.log([...a].filter((x) => b.has(x)), [...new Set([...a, ...b])]);
console.log([...new Set('mississippi')].join(''));
