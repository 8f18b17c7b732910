// Arrays: long ones wrap at 72 columns, numbers group in columns, more than 100 items are cut.
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 4 + 1)));
console.log(Array.from({ length: 101 }, (_, i) => i * i));
console.log(Array.from({ length: 12 }, (_, i) => -i * 1.5));
console.log([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[[['deep']]]]);
console.log({ matrix: Array.from({ length: 4 }, (_, r) => Array.from({ length: 8 }, (_, c) => r * 8 + c)) });
console.log(new Array(7).fill('same'), [1, 'two', { three: 3 }, [4], null, undefined, true]);
const sparse = [];
sparse[2] = 'c'; sparse[10] = 'k';
console.log(sparse, sparse.length, Object.keys(sparse));
console.log(Array.from({ length: 8 }, (_, i) => ({ id: i, label: `item number ${i}` })));
console.log(new Uint8Array(30), new Int16Array([1, -1, 300]), new Float32Array([0.1, 1 / 3]));
console.log(Buffer.from('hello world, this is a buffer with more than fifty bytes in it!'));
