// Getters and setters in object literals and via defineProperty.
const person = {
  first: 'Ada',
  last: 'Lovelace',
  get full() { return `${this.first} ${this.last}`; },
  set full(v) { [this.first, this.last] = v.split(' '); },
};
console.log(person.full);
person.full = 'Grace Hopper';
console.log(person.first, person.last, person.full);
let reads = 0;
const lazy = {};
Object.defineProperty(lazy, 'value', { get() { reads++; return 99; }, enumerable: true });
console.log(lazy.value + lazy.value, reads, Object.keys(lazy));
const d = Object.getOwnPropertyDescriptor(person, 'full');
console.log(typeof d.get, typeof d.set, 'value' in d);
