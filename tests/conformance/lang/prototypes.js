// Prototype chains: Object.create, hasOwnProperty, constructor functions.
const proto = { greet() { return 'hi from ' + this.name; } };
const child = Object.create(proto);
child.name = 'child';
console.log(child.greet(), Object.getPrototypeOf(child) === proto);
console.log(child.hasOwnProperty('name'), child.hasOwnProperty('greet'), 'greet' in child);
function Car(make) { this.make = make; }
Car.prototype.honk = function () { return this.make + ' honks'; };
const car = new Car('vw');
console.log(car.honk(), car.constructor === Car, car instanceof Car);
const bare = Object.create(null);
console.log(typeof bare.toString, Object.keys(bare));
console.log(Object.getPrototypeOf(Object.prototype));
