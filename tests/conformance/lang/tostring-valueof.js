// Objects convert via valueOf (numeric contexts) and toString (string contexts).
const money = {
  cents: 250,
  valueOf() { return this.cents; },
  toString() { return `$${(this.cents / 100).toFixed(2)}`; },
};
console.log(money + 50, `${money}`, String(money), money > 100, money + '');
console.log([1, 2] + [3], {} + 'x', [] + {}, [] == false, [0] == false, [[]] == 0);
const d = new Date(0);
console.log(typeof (d + 1), typeof (d - 1), d - 1);
