// Generator objects, iterators and entries views.
function* gen() { yield 1; }
console.log(gen());
console.log([1, 2][Symbol.iterator]());
console.log(new Map([['a', 1]]).entries());
console.log(Object.entries({ a: 1 }));
console.log('abc'[Symbol.iterator]());
