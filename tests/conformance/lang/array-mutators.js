// push, pop, shift, unshift, splice, reverse and fill modify the array in place.
const a = [1, 2, 3];
console.log(a.push(4, 5), a);
console.log(a.pop(), a.shift(), a);
console.log(a.unshift(0, 0.5), a);
console.log(a.splice(1, 2), a);
console.log(a.splice(1, 0, 'x', 'y'), a);
console.log(a.splice(-1), a);
console.log(a.reverse(), a.fill(7, 1, 3), new Array(3).fill(0));
