class Animal {
  static count = 0;
  static #registry = [];
  #name;
  legs = 4;
  static {
    Animal.kingdom = 'animalia';
  }
  constructor(name) {
    this.#name = name;
    Animal.count++;
    Animal.#registry.push(name);
  }
  get name() { return this.#name; }
  set name(v) { this.#name = v.trim(); }
  #secret() { return `secret of ${this.#name}`; }
  reveal() { return this.#secret(); }
  static registry() { return [...Animal.#registry]; }
  static isAnimal(o) { return #name in o; }
  speak() { return `${this.#name} makes a sound`; }
  toString() { return `Animal(${this.#name})`; }
}
class Dog extends Animal {
  tricks = [];
  constructor(name) { super(name); this.kind = 'dog'; }
  speak() { return super.speak() + ' (woof)'; }
  get [Symbol.toStringTag]() { return 'Doggo'; }
}
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
const d = new Dog('Rex');
d.name = '  Max ';
console.log(d.name, d.speak(), d.reveal(), `${d}`);
console.log(d, Animal.count, Animal.registry(), Animal.kingdom);
console.log(Animal.isAnimal(d), Animal.isAnimal({}));
console.log(d instanceof Dog, d instanceof Animal, 4 instanceof Even, 3 instanceof Even);
console.log(Object.prototype.toString.call(d), String(d));
console.log(Object.getOwnPropertyNames(Dog.prototype), Object.keys(d));
console.log(typeof Animal, Animal.name, Dog.length, Object.getPrototypeOf(Dog) === Animal);
console.log([Animal, Dog, class {}, class Foo extends Dog {}]);
try { Animal(); } catch (e) { console.log(e.message); }

