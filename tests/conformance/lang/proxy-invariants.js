// Proxy invariants: a proxy may not lie about a frozen or sealed target.
const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, `${e.name}: ${e.message}`);
  }
};
const frozen = Object.freeze({ id: 7 });
attempt('get lie', () => new Proxy(frozen, { get: () => 8 }).id);
attempt('get truth', () => new Proxy(frozen, { get: (t, k) => t[k] }).id);
attempt('has hide', () => 'id' in new Proxy(frozen, { has: () => false }));
attempt('delete lie', () => delete new Proxy(frozen, { deleteProperty: () => true }).id);
attempt('ownKeys skip', () => Object.keys(new Proxy(frozen, { ownKeys: () => [] })));
attempt('ownKeys dup', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', 'a'] })));
attempt('ownKeys bad', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [1] })));
attempt('proto bad', () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 5 })));
attempt('proto ok', () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => Array.prototype })) === Array.prototype);
attempt('instanceof via proto', () => new Proxy({}, { getPrototypeOf: () => Array.prototype }) instanceof Array);
attempt('setProto false', () => Object.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null));
attempt('Reflect.setProto false', () => Reflect.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null));
attempt('preventExt false', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => false })));
attempt('preventExt lie', () => Reflect.preventExtensions(new Proxy({}, { preventExtensions: () => true })));
attempt('isExtensible lie', () => Object.isExtensible(new Proxy({}, { isExtensible: () => false })));
attempt('gopd bad', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => 1 }), 'a'));
attempt('gopd hide', () => Object.getOwnPropertyDescriptor(new Proxy(frozen, { getOwnPropertyDescriptor: () => undefined }), 'id'));
attempt('define false', () => Object.defineProperty(new Proxy({}, { defineProperty: () => false }), 'x', { value: 1 }));
attempt('Reflect.define false', () => Reflect.defineProperty(new Proxy({}, { defineProperty: () => false }), 'x', { value: 1 }));
attempt('construct non-object', () => new (new Proxy(function () {}, { construct: () => 1 }))());
attempt('trap not fn', () => new Proxy({}, { get: 42 }).x);
attempt('no target', () => new Proxy(null, {}));
attempt('no new', () => Proxy({}, {}));
attempt('strict set false', () => { 'use strict'; const p = new Proxy({}, { set: () => false }); p.x = 1; return 'unreached'; });
attempt('sloppy set false', () => { const p = new Proxy({}, { set: () => false }); p.x = 1; return p.x; });
attempt('Reflect.set false', () => Reflect.set(new Proxy({}, { set: () => false }), 'x', 1));
attempt('Array.isArray', () => Array.isArray(new Proxy([], {})));
attempt('toString', () => Object.prototype.toString.call(new Proxy([], {})));
attempt('freeze proxy', () => Object.isFrozen(Object.freeze(new Proxy({ a: 1 }, {}))));

const { proxy, revoke } = Proxy.revocable({ alive: true }, {});
console.log(proxy.alive, proxy);
revoke();
revoke();
attempt('revoked get', () => proxy.alive);
attempt('revoked set', () => { proxy.alive = false; });
attempt('revoked has', () => 'alive' in proxy);
attempt('revoked keys', () => Object.keys(proxy));
attempt('revoked isArray', () => Array.isArray(proxy));
attempt('revoked typeof', () => typeof proxy);
console.log(proxy, [proxy], { proxy });
const util = require('util');
console.log(util.inspect(new Proxy({ a: 1 }, { get: () => 5 }), { showProxy: true }));
console.log(util.inspect(new Proxy([1, 2], {}), { showProxy: true }));
console.log(util.inspect({ deep: { deeper: new Proxy({ x: 1 }, {}) } }, { showProxy: true, depth: 0 }));
console.log(util.types.isProxy(new Proxy({}, {})), util.types.isProxy({}));
