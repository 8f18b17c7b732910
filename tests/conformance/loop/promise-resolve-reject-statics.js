// Promise.resolve returns native promises as-is; Promise.reject always wraps its argument.
const p = Promise.resolve(1);
const rejected = Promise.reject(p);
console.log(Promise.resolve(p) === p, rejected === p);
rejected.catch((v) => console.log('reject wraps the promise itself:', v === p));
Promise.resolve(Promise.resolve('unwrapped')).then((v) => console.log(v));
