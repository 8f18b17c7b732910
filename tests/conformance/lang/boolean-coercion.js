// Truthy and falsy values, Boolean(), !! and coercion in conditions.
const values = [
  ['0', 0], ['-0', -0], ['0n', 0n], ["''", ''], ["' '", ' '], ["'0'", '0'], ["'false'", 'false'],
  ['null', null], ['undefined', undefined], ['NaN', NaN], ['[]', []], ['{}', {}],
  ['() => {}', () => {}], ['Infinity', Infinity], ['new Boolean(false)', new Boolean(false)],
];
for (const [label, v] of values) {
  console.log(label.padEnd(19), Boolean(v), !!v, v ? 'truthy' : 'falsy');
}
