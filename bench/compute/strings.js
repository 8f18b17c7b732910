// String building and slicing.
let s = '';
for (let i = 0; i < 200000; i++) s += String.fromCharCode(97 + (i % 26));
let count = 0;
for (let i = 0; i + 3 <= s.length; i += 3) {
  if (s.slice(i, i + 3) === 'abc') count++;
}
console.log(s.length, count);
