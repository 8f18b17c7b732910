const account = {
  _balance: 100,
  get balance() { return `$${this._balance}`; },
  set balance(v) { if (v < 0) throw new RangeError('negative'); this._balance = v; },
};
account.balance = 50;
console.log(account.balance, account, Object.getOwnPropertyDescriptor(account, 'balance'));
try { account.balance = -1; } catch (e) { console.log(e.name, e.message); }
class Base { get kind() { return 'base'; } set kind(v) { this._k = v; } static get tag() { return 'B'; } }
class Derived extends Base { get kind() { return 'derived+' + super.kind; } }
const d = new Derived();
d.kind = 'x';
console.log(d.kind, d._k, Derived.tag, Object.keys(d), 'kind' in d, d.hasOwnProperty('kind'));
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 99; frozen.nested.b = 3; delete frozen.a;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
(function () { 'use strict'; try { frozen.a = 2; } catch (e) { console.log(e.name, e.message); } })();
(function () { 'use strict'; try { delete frozen.a; } catch (e) { console.log(e.name, e.message); } })();
const sealed = Object.seal({ s: 1 });
sealed.s = 2; sealed.t = 3;
console.log(sealed, Object.isSealed(sealed), Object.isExtensible(sealed));
const o = {};
Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
Object.defineProperty(o, 'ro', { value: 'r', enumerable: true, writable: false });
o.ro = 'changed';
console.log(o, Object.keys(o), o.hidden, JSON.stringify(o), Object.getOwnPropertyNames(o));
console.log(Object.entries({ x: 1, y: [2] }), Object.fromEntries([['a', 1], ['b', 2]]), Object.assign({}, { a: 1 }, null, { b: 2 }));
console.log(Object.getOwnPropertyDescriptors({ get g() { return 1; }, v: 2 }));
const lazy = { get value() { delete this.value; console.log('computing'); return (this.value = 42); } };
console.log(lazy.value, lazy.value, lazy);
const target = { a: 1 };
const copy = { ...target, get dyn() { return 'dyn'; } };
console.log(Object.getOwnPropertyDescriptor(copy, 'dyn').get !== undefined, { ...copy });
console.log(Object.keys('abc'), Object.values('ab'), Object.entries([7, 8]), Object.getPrototypeOf(Object.create(null)));
console.log(typeof null, typeof [], typeof function () {}, typeof class {}, typeof Symbol(), typeof 1n, typeof undefined, typeof NaN);
console.log(null == undefined, null === undefined, NaN == NaN, [] == false, [] == ![], '' == 0, '0' == false, [1] == 1, [1, 2] == '1,2', {} == '[object Object]');
console.log(null >= 0, null > 0, undefined == 0, 'b' > 'a', '10' < '9', 10 < 9, '10' < 9, [2] > 1, null + 1, undefined + 1, '5' * '2', '5' + 2, 5 + +'2');
