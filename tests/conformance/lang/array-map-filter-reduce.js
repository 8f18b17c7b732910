// map, filter, reduce and reduceRight, with and without initial values.
const nums = [1, 2, 3, 4, 5, 6];
console.log(nums.map((n) => n * n));
console.log(nums.filter((n) => n % 2 === 0));
console.log(nums.reduce((acc, n) => acc + n), nums.reduce((acc, n) => acc + n, 100));
console.log(['a', 'b', 'c'].reduceRight((acc, s) => acc + s));
console.log(nums.reduce((acc, n) => { (acc[n % 3] ??= []).push(n); return acc; }, {}));
console.log(['1', '2', '3'].map(parseInt));
try { [].reduce((a, b) => a + b); } catch (e) { console.log(e.constructor.name, e.message); }
