// A throw inside the executor rejects the promise; resolve is called synchronously.
const p = new Promise((resolve, reject) => {
  console.log('executor runs synchronously');
  throw new TypeError('executor failed');
});
p.catch((e) => console.log('rejected with', e.name, e.message));
const q = new Promise((resolve) => {
  resolve('first wins');
  resolve('ignored');
  throw new Error('ignored after resolve');
});
q.then((v) => console.log(v));
console.log('after constructors');
