// == performs type coercion, === does not; NaN and -0 edge cases; Object.is.
const pairs = [
  ['1', 1, '1'], ['0', 0, ''], ['0', 0, '0'], ["''", '', '0'], ['null', null, undefined],
  ['null', null, 0], ['undefined', undefined, 0], ['NaN', NaN, NaN], ['0', 0, -0],
  ['[]', [], ''], ['[1]', [1], 1], ['true', true, 1], ['true', true, '1'], ['{}', {}, '[object Object]'],
];
console.log('pair'.padEnd(28), '==    ===   Object.is');
for (const [label, a, b] of pairs) {
  const right = typeof b === 'string' ? `'${b}'` : Object.is(b, -0) ? '-0' : String(b);
  console.log(`${label} vs ${right}`.padEnd(28), String(a == b).padEnd(5), String(a === b).padEnd(5), Object.is(a, b));
}
