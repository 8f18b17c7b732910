// Generators: lazy sequences, for..of, spread, return values and two-way next().
function* range(start, end, step = 1) {
  for (let i = start; i < end; i += step) yield i;
  return 'done';
}
console.log([...range(0, 5)]);
for (const n of range(0, 10, 3)) console.log('n =', n);
const it = range(0, 2);
console.log(it.next(), it.next(), it.next(), it.next());
function* conversation() {
  const name = yield 'name?';
  const age = yield `hello ${name}, age?`;
  return `${name} is ${age}`;
}
const c = conversation();
console.log(c.next().value, c.next('ada').value, c.next(36));
