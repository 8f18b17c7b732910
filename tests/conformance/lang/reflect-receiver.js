// Reflect mirrors the internal methods; a receiver changes what `this` a getter sees.
const base = { _v: 1, get v() { return this._v; }, set v(x) { this._v = x; } };
const other = { _v: 100 };
console.log(Reflect.get(base, 'v'), Reflect.get(base, 'v', other));
console.log(Reflect.set(base, 'v', 5, other), base._v, other._v);
console.log(Reflect.has({ a: 1 }, 'a'), Reflect.has(Object.create({ b: 1 }), 'b'));
console.log(Reflect.ownKeys({ b: 1, a: 2, 1: 0, [Symbol('s')]: 3 }));
console.log(Reflect.defineProperty({}, 'x', { value: 1 }), Reflect.defineProperty(Object.freeze({}), 'x', { value: 1 }));
console.log(Reflect.deleteProperty(Object.freeze({ a: 1 }), 'a'), Reflect.deleteProperty({ a: 1 }, 'a'));
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf({}, null), Reflect.isExtensible(Object.seal({})));
console.log(Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.construct(Date, [0]).getTime());
class A { constructor() { this.made = new.target.name; } }
class B {}
const b = Reflect.construct(A, [], B);
console.log(b.made, b instanceof B, b instanceof A);
try { Reflect.get(1, 'a'); } catch (e) { console.log(e.name, e.message); }
try { Reflect.construct(() => {}, []); } catch (e) { console.log(e.name, e.message); }
console.log(Object.prototype.toString.call(Reflect), Reflect.getOwnPropertyDescriptor({ k: 1 }, 'k'));
