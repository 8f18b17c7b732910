// extends, super() in constructors, super.method() and instanceof.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  toString() { return `Animal(${this.name})`; }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return super.speak() + ' (woof)'; }
}
const d = new Dog('rex', 'lab');
console.log(d.speak());
console.log(`${d}`);
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object);
console.log(Object.getPrototypeOf(Dog) === Animal, Dog.name);
class Broken extends Animal { constructor() { this.x = 1; super('x'); } }
try { new Broken(); } catch (e) { console.log(e.constructor.name); }
