// Map and Set show their size and entries.
console.log(new Map());
console.log(new Map([['a', 1], ['b', { c: 2 }]]));
console.log(new Map([[{ k: 1 }, [1, 2]], [3, new Set([4])]]));
console.log(new Set());
console.log(new Set([1, 'two', [3]]));
console.log({ m: new Map([[1, 2]]), s: new Set(['x']) });
console.log(new Map([[1, 'one']]).keys(), new Set([5, 6]).values(), new Map([[1, 'one']]).entries());
