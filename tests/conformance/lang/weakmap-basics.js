// WeakMap/WeakSet keys must be objects; used for private per-object data.
const secrets = new WeakMap();
class User {
  constructor(pw) { secrets.set(this, pw); }
  check(pw) { return secrets.get(this) === pw; }
}
const u = new User('hunter2');
console.log(u.check('x'), u.check('hunter2'), secrets.has(u));
try { secrets.set('str', 1); } catch (e) { console.log(e.constructor.name); }
const seen = new WeakSet();
const o = {};
seen.add(o);
console.log(seen.has(o), seen.has({}));
