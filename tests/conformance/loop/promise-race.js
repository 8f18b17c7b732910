// Promise.race settles like the first promise to settle.
const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.race([delay(100, 'slow'), delay(5, 'fast')]).then((v) => console.log('race winner:', v));
Promise.race([delay(5, 'fast failure', true), delay(100, 'slow success')])
  .then((v) => console.log('unexpected', v), (e) => console.log('race rejected:', e.message));
Promise.race([Promise.resolve('already resolved'), 'plain value']).then((v) => console.log('race:', v));
