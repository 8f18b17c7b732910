// A custom [Symbol.iterator] makes any object work with for..of, spread and destructuring.
class Countdown {
  constructor(from) { this.from = from; }
  [Symbol.iterator]() {
    let n = this.from;
    return {
      next: () => (n >= 0 ? { value: n--, done: false } : { value: undefined, done: true }),
      return: () => { console.log('iterator closed early'); return { done: true }; },
    };
  }
}
console.log([...new Countdown(3)]);
for (const n of new Countdown(5)) { if (n === 3) break; console.log(n); }
const [first, second] = new Countdown(9);
console.log(first, second);
const arrIt = ['x', 'y'][Symbol.iterator]();
console.log(arrIt.next(), arrIt.next(), arrIt.next());
