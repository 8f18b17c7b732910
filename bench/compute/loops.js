// Tight arithmetic loops.
let sum = 0;
for (let i = 0; i < 5_000_000; i++) {
  sum = (sum + i * 7) % 1000003;
}
console.log(sum);
