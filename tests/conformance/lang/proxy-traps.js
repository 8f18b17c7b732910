// A logging proxy: every trap reports what the program did to the object.
const log = [];
const target = { name: 'box', size: 3 };
const handler = {
  get(t, key, receiver) {
    log.push(`get ${String(key)}`);
    return Reflect.get(t, key, receiver);
  },
  set(t, key, value, receiver) {
    log.push(`set ${String(key)}=${value}`);
    return Reflect.set(t, key, value, receiver);
  },
  has(t, key) {
    log.push(`has ${String(key)}`);
    return key in t;
  },
  deleteProperty(t, key) {
    log.push(`delete ${String(key)}`);
    return delete t[key];
  },
  ownKeys(t) {
    log.push('ownKeys');
    return Reflect.ownKeys(t);
  },
  getOwnPropertyDescriptor(t, key) {
    log.push(`gopd ${String(key)}`);
    return Reflect.getOwnPropertyDescriptor(t, key);
  },
  defineProperty(t, key, desc) {
    log.push(`define ${String(key)}`);
    return Reflect.defineProperty(t, key, desc);
  },
};
const p = new Proxy(target, handler);
console.log(p.name, p.size);
p.size = 4;
p.color = 'red';
console.log('size' in p, 'weight' in p);
delete p.color;
console.log(Object.keys(p));
console.log(JSON.stringify(p));
console.log({ ...p });
for (const k in p) log.push(`for-in ${k}`);
console.log(target);
console.log(log.join('\n'));

// Default values through a get trap.
const withDefault = new Proxy({}, { get: (t, k) => (k in t ? t[k] : 0) });
withDefault.hits += 1;
withDefault.hits += 1;
console.log(withDefault.hits, withDefault.misses);

// Validation in a set trap.
const person = new Proxy({}, {
  set(t, key, value) {
    if (key === 'age' && !Number.isInteger(value)) throw new TypeError('age must be an integer');
    t[key] = value;
    return true;
  },
});
person.age = 30;
try { person.age = 'old'; } catch (e) { console.log(e.name, e.message); }
console.log(person.age, person);

// A function proxy: apply and construct traps.
function sum(a, b) { return a + b; }
const traced = new Proxy(sum, {
  apply(t, thisArg, args) { console.log('call', args); return t(...args) * 10; },
});
console.log(traced(1, 2), typeof traced, traced.name, traced.length);
class Point { constructor(x, y) { this.x = x; this.y = y; } }
const P = new Proxy(Point, {
  construct(t, args, newTarget) { console.log('new', args.length, newTarget === P); return new t(...args.map((n) => n * 2)); },
});
const pt = new P(1, 2);
console.log(pt, pt instanceof Point, pt instanceof P);
console.log(traced, P, [p]);
