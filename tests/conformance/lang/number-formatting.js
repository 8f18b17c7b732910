// How numbers print: float rounding, exponents, -0, NaN, Infinity, big integers.
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, (0.1 + 0.2).toFixed(2));
console.log(1e21, 1e20, 123456789012345680000, 2 ** 53, 2 ** 53 + 1);
console.log(-0, [-0], String(-0), `${-0}`, JSON.stringify(-0), Object.is(-0, 0));
console.log(NaN, Infinity, -Infinity, 1 / 3, 2 / 3, 100 / 3);
console.log(1e-7, 0.000001, 1.5e300 * 1e10, 5e-324, Number.MAX_SAFE_INTEGER);
console.log(0.1 * 3, 1.005 * 1000, 9007199254740993, 123e-20, 1e6, 1.0);
console.log(Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON);
