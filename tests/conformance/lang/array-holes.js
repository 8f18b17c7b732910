// Sparse arrays: holes are skipped by forEach/map but visible to for..of and spread.
const a = [1, , 3];
a[6] = 7;
console.log(a.length, 1 in a, a[1]);
let visits = 0;
a.forEach(() => visits++);
console.log('forEach visits', visits);
console.log(a.map((x) => x * 2));
console.log([...a]);
let forOf = 0;
for (const x of a) forOf++;
console.log('for..of visits', forOf);
console.log(Object.keys(a), a.indexOf(undefined), a.includes(undefined));
a.length = 2;
console.log(a);
