// call and apply pass arguments differently; bind can pre-fill arguments.
function describe(greeting, punct) {
  return `${greeting}, ${this.who}${punct}`;
}
const ctx = { who: 'node' };
console.log(describe.call(ctx, 'hello', '!'));
console.log(describe.apply(ctx, ['hi', '?']));
const hey = describe.bind(ctx, 'hey');
console.log(hey('.'));
console.log(hey.length, describe.length);
const add = (a, b) => a + b;
const inc = add.bind(null, 1);
console.log(inc(41));
