class Point { constructor(x, y) { this.x = x; this.y = y; } }
class Point3D extends Point { constructor(x, y, z) { super(x, y); this.z = z; } }
class Empty {}
class WithStatic { static count = 2; static helper() {} }
class Tagged { get [Symbol.toStringTag]() { return 'T'; } }
class Priv { #hidden = 1; shown = 2; }
console.log(new Point(1, 2), new Point3D(1, 2, 3), new Empty(), new Tagged(), new Priv());
console.log([new Point(0, 0)], { p: new Point3D(1, 1, 1) }, WithStatic, Point3D, Empty);
const anon = new (class {})();
const noCtor = Object.create(Point.prototype);
console.log(anon, noCtor, Object.create(Object.create(null)));
function OldStyle(name) { this.name = name; }
OldStyle.prototype.greet = function () {};
console.log(new OldStyle('old'), OldStyle);
const inst = new Point(5, 6);
inst.extra = { deep: { deeper: { deepest: 1 } } };
console.log(inst);
class MyMap extends Map {}
class MySet extends Set {}
console.log(new MyMap([[1, 2]]), new MySet([1]), new (class Err extends Error {})('m').name);
class Temperature { constructor(c) { this.c = c; } toString() { return `${this.c}C`; } [Symbol.toPrimitive](hint) { return hint === 'number' ? this.c : `${this.c}°C`; } }
const t = new Temperature(20);
console.log(`${t}`, t + '', +t, t * 2, String(t), [t] + '');
const util = require('util');
class Custom { [util.inspect.custom](depth, options) { return `Custom<${depth}>`; } }
console.log(new Custom(), [new Custom()], { c: new Custom() });
class Money { constructor(v) { this.v = v; } [util.inspect.custom]() { return { money: this.v }; } }
console.log(new Money(5), util.inspect(new Money(1), { customInspect: false }));
const withSym = { [Symbol('key')]: 'v', [Symbol.for('reg')]: 1, [Symbol()]: 0 };
console.log(withSym, Object.getOwnPropertySymbols(withSym).length);
const fnWithProps = Object.assign(function named() {}, { a: 1 });
const arrowWithName = () => {};
console.log(fnWithProps, arrowWithName, [async () => {}, async function* ag() {}, Math.max, class extends Point {}]);
