// Plain recursion: naive Fibonacci, memoized Fibonacci and a small Ackermann.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log([0, 1, 2, 10, 20].map(fib));
const memo = new Map();
function fibm(n) {
  if (n < 2) return BigInt(n);
  if (!memo.has(n)) memo.set(n, fibm(n - 1) + fibm(n - 2));
  return memo.get(n);
}
console.log(String(fibm(90)));
function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
console.log(ack(1, 2), ack(2, 3), ack(3, 3));
