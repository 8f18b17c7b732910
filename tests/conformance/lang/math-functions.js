// Math helpers: rounding, min/max, abs, pow, sqrt, sign, trunc, hypot.
console.log(Math.floor(-2.5), Math.ceil(-2.5), Math.round(-2.5), Math.round(2.5), Math.trunc(-2.7));
console.log(Math.max(1, 5, 3), Math.min(1, 5, 3), Math.max(), Math.min(), Math.max(1, NaN));
console.log(Math.abs(-7), Math.pow(2, 0.5), Math.sqrt(16), Math.cbrt(27), Math.hypot(3, 4));
console.log(Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign('5'));
console.log(Math.PI.toFixed(5), Math.E.toFixed(5), Math.log2(1024), Math.log10(1000));
console.log(Math.round(0.49999999999999994), Math.floor(Math.sqrt(50)), Math.max(...[4, 9, 2]));
