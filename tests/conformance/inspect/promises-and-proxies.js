// Promises show their state; pending, fulfilled and rejected.
const pending = new Promise(() => {});
const fulfilled = Promise.resolve({ v: 1 });
const rejected = Promise.reject(new Error('x'));
rejected.catch(() => {});
console.log(pending);
console.log(fulfilled);
console.log([Promise.resolve(42)]);
console.log(new Proxy({ target: true }, {}));
console.log(new WeakMap(), new WeakSet());
