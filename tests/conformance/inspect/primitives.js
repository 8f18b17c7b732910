// console.log of primitives at top level: strings are printed raw, not quoted.
console.log('plain string');
console.log(42, -0, 0, 3.5, NaN, Infinity, -Infinity);
console.log(true, false, null, undefined);
console.log(10n, -5n);
console.log(Symbol('desc'), Symbol(), Symbol.iterator);
console.log('');
console.log();
console.log('a', '', 'b');
