// Rest parameters collect the remaining arguments into a real array.
function sum(first, ...rest) {
  return first + rest.reduce((a, b) => a + b, 0);
}
console.log(sum(1), sum(1, 2, 3), sum.length);
function kinds(...args) {
  return [Array.isArray(args), args.length];
}
console.log(kinds('a', 'b'));
function legacy() {
  return [Array.isArray(arguments), arguments.length, Array.from(arguments).join('+')];
}
console.log(legacy(1, 2, 3));
