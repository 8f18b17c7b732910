// Each call of a factory creates a fresh closure with its own private state.
function makeCounter(start = 0) {
  let count = start;
  return {
    inc: () => ++count,
    dec: () => --count,
    get value() { return count; },
  };
}
const c1 = makeCounter();
const c2 = makeCounter(10);
c1.inc(); c1.inc(); c2.dec();
console.log(c1.value, c2.value);
console.log(c1.inc(), c2.inc());
