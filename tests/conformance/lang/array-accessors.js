// slice, concat, join, indexOf, includes, at and friends return new values.
const a = [1, 2, 3, NaN, 2];
console.log(a.slice(1, 3), a.slice(-2), a.concat([4, [5]], 6));
console.log(a.join(), a.join(' | '), [null, undefined, 1].join('-'));
console.log(a.indexOf(2), a.lastIndexOf(2), a.indexOf(NaN), a.includes(NaN));
console.log(a.at(-1), a.at(0), a.at(10));
console.log(a.toString(), String([[1, 2], [3]]), a.length);
