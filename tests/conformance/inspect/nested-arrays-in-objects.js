// Arrays inside objects, and objects inside arrays, at various sizes.
console.log({ list: [1, 2, 3], matrix: [[1, 0], [0, 1]] });
console.log({ many: Array.from({ length: 8 }, (_, i) => i) });
console.log([{ id: 1, tags: ['a'] }, { id: 2, tags: [] }]);
console.log({ a: [{ b: [{ c: 1 }] }] });
