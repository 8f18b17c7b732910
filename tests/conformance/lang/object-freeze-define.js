// Object.freeze, isFrozen, seal, preventExtensions and defineProperty descriptors.
'use strict';
const frozen = Object.freeze({ a: 1, inner: { b: 2 } });
try { frozen.a = 2; } catch (e) { console.log(e.constructor.name); }
frozen.inner.b = 3;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.inner));
const o = {};
Object.defineProperty(o, 'hidden', { value: 42, enumerable: false });
Object.defineProperty(o, 'ro', { value: 1, enumerable: true, writable: false });
console.log(o.hidden, Object.keys(o), JSON.stringify(o));
console.log(Object.getOwnPropertyDescriptor(o, 'ro'));
try { o.ro = 2; } catch (e) { console.log(e.message); }
const sealed = Object.seal({ x: 1 });
sealed.x = 2;
try { sealed.y = 1; } catch (e) { console.log('sealed:', e.constructor.name, sealed); }
