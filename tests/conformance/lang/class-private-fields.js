// #private fields and methods, public class fields and static fields.
class Counter {
  static instances = 0;
  #count = 0;
  label = 'counter';
  constructor() { Counter.instances++; }
  #bump(n) { this.#count += n; }
  add(n) { this.#bump(n); return this; }
  get count() { return this.#count; }
  static isCounter(o) { return #count in o; }
}
const c = new Counter().add(2).add(3);
new Counter();
console.log(c.count, Counter.instances, c.label);
console.log(Object.keys(c));
console.log(Counter.isCounter(c), Counter.isCounter({}));
