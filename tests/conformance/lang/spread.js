// Spread expands iterables into arguments, array literals and object literals.
const nums = [5, 1, 9];
console.log(Math.max(...nums));
const copy = [...nums, ...'hi', ...new Set([1, 1, 2])];
console.log(copy);
const base = { a: 1, b: 2 };
const merged = { ...base, b: 3, c: 4 };
console.log(merged, base);
console.log({ ...null, ...undefined, ...'ab' });
