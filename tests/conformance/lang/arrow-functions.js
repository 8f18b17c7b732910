// Arrow functions: concise bodies, returning object literals, no own this/arguments.
const sq = (x) => x * x;
const mk = (a, b) => ({ a, b });
console.log(sq(4), mk(1, 2));
function outer() {
  const arrow = () => arguments.length;
  return arrow(1, 2, 3);
}
console.log(outer('only one'));
const timer = { ticks: 0, tick() { [1, 2, 3].forEach(() => this.ticks++); return this.ticks; } };
console.log(timer.tick());
try { new sq(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(typeof sq.prototype, (() => {}).name, sq.name);
