const nums = [0, -0, 1.005, 123.456, 0.000001234, 1e21, 1e-7, 255, -255, 2 ** 53, NaN, Infinity, 1.7976931348623157e308];
for (const n of nums) {
  console.log(String(n), n.toFixed(2), n.toPrecision(3), n.toExponential(1), n.toString(16));
}
console.log((255).toString(2), (0.5).toString(2), (-7.25).toString(8), (1e21).toString(36));
console.log((1.45).toFixed(1), (1.55).toFixed(1), (8.345).toFixed(2), (0.1 + 0.2).toFixed(20), (1e21).toFixed(2));
console.log((123456789).toPrecision(4), (0.00001).toPrecision(1), (1234.5678).toPrecision(6), (99.99).toPrecision(2));
console.log(Number('0b101'), Number('0o17'), Number(' 12 '), Number('1_000'), Number(''), Number('12px'), parseInt('12px'), parseFloat('.5e1x'));
console.log(parseInt('ff', 16), parseInt('0x1f'), parseInt('z', 36), parseInt('  -42abc'), parseInt(''), parseInt('9', 8));
console.log(0.1 + 0.2, 0.1 * 3, 9007199254740993, 1 / 3, 100 / 3, -1e-7, 123e-20, 2 ** -1074);
console.log(Number.MAX_SAFE_INTEGER, Number.EPSILON, Number.MIN_VALUE, Number.MAX_VALUE);
console.log(Object.is(-0, 0), -0 === 0, 1 / -0, Math.sign(-0), [-0], `${-0}`, JSON.stringify(-0), String(-0));
console.log(Math.round(-0.5), Math.round(2.5), Math.round(-2.5), Math.trunc(-4.7), Math.floor(-4.5), Math.ceil(-0.2));
console.log(Math.max(), Math.min(), Math.hypot(3, 4), Math.cbrt(27), Math.log2(8), Math.fround(5.5), Math.clz32(1));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.isNaN('x'), isNaN('x'), isFinite('12'));
console.log((1234567.891).toLocaleString(), (0.5).toLocaleString(), (1e6).toLocaleString('en-US'));
console.log(5 % 3, -5 % 3, 5 % -3, 5.5 % 2, 2 ** 10, (-2) ** 3, 7 / 2 | 0, ~~-7.9, -7 >> 1, -7 >>> 28);
console.log(0.1 + 0.7, 1.1 * 1.1, 3 * 1.1, 4.35 * 100, 1.15 * 100);
console.log([10, 1, 5, 100].sort(), [10, 1, 5, 100].sort((a, b) => a - b));
console.log(Number.parseFloat('3.14abc'), +true, +[], +[5], +[1, 2], +{}, +null, +undefined, +'\n');
