// Destructuring in function parameters, with defaults for the whole pattern.
function draw({ x = 0, y = 0, color = 'black' } = {}) {
  return `${color}@${x},${y}`;
}
console.log(draw());
console.log(draw({ x: 3 }));
console.log(draw({ y: 4, color: 'red' }));
const pairs = [[1, 'one'], [2, 'two']];
console.log(pairs.map(([n, word]) => `${n}=${word}`).join(' '));
const entries = Object.entries({ a: 1, b: 2 });
for (const [k, v] of entries) console.log(k, v);
