// Array destructuring: skipping, defaults, rest and swapping.
const [a, , b = 10, ...rest] = [1, 2, undefined, 4, 5];
console.log(a, b, rest);
let x = 1, y = 2;
[x, y] = [y, x];
console.log(x, y);
const [p, q] = 'hi';
console.log(p, q);
function* gen() { yield 1; yield 2; yield 3; }
const [g1, g2] = gen();
console.log(g1, g2);
