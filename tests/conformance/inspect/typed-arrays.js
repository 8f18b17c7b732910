// Typed arrays, ArrayBuffer and Buffer printing.
console.log(new Uint8Array([1, 2, 3]));
console.log(new Float64Array(2));
console.log(new Int16Array([-1, 256]));
console.log(Buffer.from('hi'));
console.log(new ArrayBuffer(4));
console.log([new Uint8Array(0)]);
