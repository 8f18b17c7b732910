// comma, typeof, void, delete, in, instanceof and the conditional operator.
let x = (1, 2, 3);
console.log(x);
console.log(typeof x, void 0, void 'anything');
const o = { a: 1, b: 2 };
console.log(delete o.a, o, 'a' in o, 'b' in o, 'toString' in o);
console.log(delete o.nothing, 0 in [10], 5 in [10]);
console.log([] instanceof Array, {} instanceof Array);
console.log(x > 2 ? 'big' : 'small', x > 5 ? 'huge' : x > 2 ? 'medium' : 'tiny');
let i = 0;
for (let a = 0, b = 10; a < b; a += 3, b -= 3) i++;
console.log(i);
