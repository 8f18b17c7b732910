// typeof for every kind of value.
const samples = {
  undefined: undefined, null: null, true: true, number: 42, nan: NaN, bigint: 10n,
  string: 's', symbol: Symbol('x'), object: {}, array: [], fn: function () {},
  arrow: () => {}, cls: class {}, date: new Date(0), regex: /x/, map: new Map(),
};
for (const [k, v] of Object.entries(samples)) console.log(k.padEnd(10), typeof v);
console.log(typeof undeclaredVariable);
console.log(typeof typeof 1);
