// while, do..while (runs at least once) and continue.
let i = 0;
while (i < 3) { console.log('while', i); i++; }
let j = 10;
do { console.log('do-while', j); j++; } while (j < 3);
let odd = [];
let k = 0;
while (true) {
  k++;
  if (k > 9) break;
  if (k % 2 === 0) continue;
  odd.push(k);
}
console.log(odd);
