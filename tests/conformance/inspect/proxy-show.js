// util.inspect never runs a proxy's traps: it prints the target, or with
// showProxy both halves. A revoked proxy prints as such.
const util = require('util');
const trapped = new Proxy({ real: 1 }, {
  get() { throw new Error('trap must not run'); },
  ownKeys() { throw new Error('trap must not run'); },
});
console.log(trapped, [trapped], { nested: trapped });
console.log(util.inspect(trapped, { showProxy: true }));
console.log(util.inspect(new Proxy([1, 2, 3], {}), { showProxy: true }));
console.log(util.inspect(new Proxy(function named() {}, {}), { showProxy: false }));
console.log(util.inspect(new Proxy(new Proxy({ inner: true }, {}), {}), { showProxy: true }));
console.log(util.inspect({ a: { b: new Proxy({ c: 1 }, {}) } }, { showProxy: true, depth: 1 }));
const { proxy, revoke } = Proxy.revocable(new Map([[1, 'one']]), {});
console.log(proxy instanceof Map, util.types.isProxy(proxy));
revoke();
console.log(proxy, util.inspect(proxy, { showProxy: true }), util.types.isProxy(proxy));
console.log('%o|%O|%s', new Proxy({ x: 1 }, {}), new Proxy({ y: 2 }, {}), new Proxy([1], {}));
