// Objects with many short properties: node wraps them at the line width.
const o = {};
for (let i = 0; i < 30; i++) o['k' + i] = i;
console.log(o);
const words = {};
for (const w of ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']) words[w] = w.length;
console.log(words);
