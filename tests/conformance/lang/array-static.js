// Array.from, Array.of, Array.isArray and the Array constructor.
console.log(Array.from('abc'), Array.from({ length: 3 }, (_, i) => i * 2));
console.log(Array.from(new Set([1, 2, 2, 3])), Array.from(new Map([[1, 'a']])));
console.log(Array.of(7), Array(7).length, Array.of(1, 2), Array(1, 2));
console.log(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(Array.prototype));
console.log(Array.from({ length: 2, 0: 'x', 1: 'y' }), [...Array(3).keys()]);
