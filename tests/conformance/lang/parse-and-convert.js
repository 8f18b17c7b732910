// parseInt, parseFloat, Number(), String() and unary + conversions.
console.log(parseInt('42px'), parseInt('  -17 '), parseInt('0x1f'), parseInt('1010', 2));
console.log(parseInt('z', 36), parseInt(''), parseInt('3.99'), parseInt(0.0000005));
console.log(parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-1e3'), parseFloat('x1'));
console.log(Number(''), Number(' 12 '), Number('12px'), Number(null), Number(undefined));
console.log(Number(true), Number([]), Number([7]), Number([1, 2]), Number('0b101'), Number('1e3'));
console.log(String(123), String(null), String([1, [2, 3]]), String({}), String(Symbol('s')));
console.log(+'  42\n', +[], +{}, +new Date(5), isNaN(undefined), isNaN(null));
