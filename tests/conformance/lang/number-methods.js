// toFixed, toPrecision, toString(radix), toExponential and Number.* helpers.
console.log((3.14159).toFixed(2), (2.5).toFixed(0), (1.45).toFixed(1), (0).toFixed(3));
console.log((1234.5678).toPrecision(6), (0.00012).toPrecision(2), (123456).toPrecision(2));
console.log((255).toString(2), (255).toString(16), (-255).toString(36), (0.5).toString(2));
console.log((12345).toExponential(2), (1e21).toFixed(2), (1.23e-10).toFixed(12));
console.log(Number.isInteger(5.0), Number.isInteger(5.1), Number.isSafeInteger(2 ** 53));
console.log(Number.isNaN('x'), isNaN('x'), Number.isFinite('1'), isFinite('1'));
console.log(Number.parseFloat === parseFloat, (25).toString(36));
