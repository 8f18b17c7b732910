// Unbounded recursion overflows the stack with a catchable RangeError.
function forever(n) { return forever(n + 1) + 1; }
try {
  forever(0);
} catch (e) {
  console.log(e instanceof RangeError, e.message);
}
console.log('still running after the overflow');
