// flat and flatMap with depths.
const nested = [1, [2, [3, [4, [5]]]]];
console.log(nested.flat());
console.log(nested.flat(2));
console.log(nested.flat(Infinity));
console.log(['a b', 'c'].flatMap((s) => s.split(' ')));
console.log([1, 2, 3].flatMap((n) => (n === 2 ? [] : [n, n * 10])));
console.log([[1, 2], [3]].flatMap((x) => [x]));
