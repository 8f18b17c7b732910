// A deferred pattern: resolving a promise from outside its executor.
function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
const d = deferred();
d.promise.then((v) => console.log('deferred resolved with', v));
setTimeout(() => d.resolve('later value'), 5);
const e = deferred();
e.promise.catch((err) => console.log('deferred rejected with', err));
e.reject('reason');
