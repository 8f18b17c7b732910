// setTimeout returns a Timeout object; `this` inside a function callback is that object.
const t = setTimeout(function () {
  console.log('this is the timer:', this === t);
  console.log(typeof this.ref, typeof this.unref, typeof this[Symbol.toPrimitive]);
}, 1);
console.log(t.constructor.name, typeof +t, Number.isInteger(+t));
const im = setImmediate(() => {});
console.log(im.constructor.name);
