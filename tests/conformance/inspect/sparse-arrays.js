// Holes in arrays print as <1 empty item> / <N empty items>.
console.log([1, , 3]);
console.log([, , ,]);
console.log(new Array(5));
const a = [];
a[3] = 'x';
a[10] = 'y';
console.log(a);
console.log([1, , 2, , , 3]);
