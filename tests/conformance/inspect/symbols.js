// Symbols as values and as keys.
const s = Symbol('tag');
console.log([s, Symbol(), Symbol.for('registered')]);
console.log({ [s]: 'symbol-keyed', regular: 1 });
console.log({ [Symbol()]: 1, [Symbol.iterator]: 2 });
console.log(Symbol('with space'), [Symbol('')]);
