// Observable state with a Proxy: a tiny reactive store, as tutorials build it.
function reactive(obj, onChange) {
  return new Proxy(obj, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      return value && typeof value === 'object' ? reactive(value, onChange) : value;
    },
    set(target, key, value, receiver) {
      const old = target[key];
      const ok = Reflect.set(target, key, value, receiver);
      if (old !== value) onChange(key, old, value);
      return ok;
    },
    deleteProperty(target, key) {
      onChange(key, target[key], undefined);
      return Reflect.deleteProperty(target, key);
    },
  });
}
const state = reactive({ count: 0, user: { name: 'Ada' }, items: [] }, (k, o, n) => console.log(`changed ${String(k)}: ${JSON.stringify(o)} -> ${JSON.stringify(n)}`));
state.count++;
state.count += 2;
state.user.name = 'Grace';
state.items.push('a');
delete state.count;
console.log(state, JSON.stringify(state), Object.keys(state), state.items.length);
// Negative array indices through a get trap.
const arr = new Proxy([10, 20, 30], { get: (t, k, r) => Reflect.get(t, typeof k === 'string' && /^-\d+$/.test(k) ? String(t.length + Number(k)) : k, r) });
console.log(arr[-1], arr[0], arr.length, arr.map((x) => x / 10), [...arr]);
// A read-only view.
const readonly = (o) => new Proxy(o, { set() { return false; }, deleteProperty() { return false; }, defineProperty() { return false; } });
const cfg = readonly({ port: 80 });
cfg.port = 81;
delete cfg.port;
console.log(cfg.port, Object.isFrozen(cfg));
(() => { 'use strict'; try { cfg.port = 1; } catch (e) { console.log(e.message); } })();
// Counting method calls through apply traps on every function property.
const calls = {};
const api = new Proxy({ a() { return 1; }, b(x) { return x * 2; } }, {
  get(t, k) { const v = t[k]; return typeof v === 'function' ? new Proxy(v, { apply(f, self, args) { calls[k] = (calls[k] || 0) + 1; return Reflect.apply(f, self, args); } }) : v; },
});
api.a(); api.b(2); api.b(3);
console.log(calls, api.b(21));
