// How `this` is chosen: method call, detached call, arrow functions, call/apply/bind.
'use strict';
const obj = {
  name: 'obj',
  regular() { return this && this.name; },
  arrow: () => typeof this,
  nested() { return [1].map(() => this.name)[0]; },
};
console.log(obj.regular());
const detached = obj.regular;
console.log(detached());
console.log(obj.arrow());
console.log(obj.nested());
const other = { name: 'other' };
console.log(obj.regular.call(other), obj.regular.apply(other, []));
const bound = obj.regular.bind(other);
console.log(bound(), bound.call(obj), bound.name);
