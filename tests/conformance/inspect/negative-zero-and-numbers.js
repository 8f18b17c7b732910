// Numbers inside containers: -0 keeps its sign; large and small values.
console.log([0, -0, +0]);
console.log({ z: -0, big: 1e21, small: 1e-7, max: Number.MAX_SAFE_INTEGER });
console.log([0.1 + 0.2, 1 / 3, -1.5e-10, 2 ** 64]);
console.log([NaN, Infinity, -Infinity]);
console.log([1n, -0n, 123456789012345678901234567890n]);
