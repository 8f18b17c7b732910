// Short arrays print on one line; empty arrays and nested short arrays too.
console.log([]);
console.log([1, 2, 3]);
console.log([1, 'two', [3, 4], { five: 5 }]);
console.log([undefined, null, NaN, -0, 0]);
console.log([true, false]);
console.log([[], [[]], {}]);
