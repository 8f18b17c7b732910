// unref() lets the process exit without waiting for a timer; ref() undoes it; hasRef reports the state.
const t = setTimeout(() => {
  console.log("ran because it was re-ref'd");
  const i = setImmediate(() => console.log('immediate ran'));
  console.log('immediate hasRef', i.hasRef());
}, 30);
console.log(t.hasRef());
t.unref();
console.log(t.hasRef());
t.ref();
console.log(t.hasRef());
