// A nextTick queued from a promise job runs after the current promise queue drains (Node >= 11).
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick from promise 1'));
});
Promise.resolve().then(() => console.log('promise 2'));
Promise.resolve().then(() => {
  console.log('promise 3');
  Promise.resolve().then(() => console.log('promise from promise 3'));
});
