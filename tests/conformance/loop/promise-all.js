// Promise.all keeps input order and rejects fast on the first rejection.
const delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.all([delay(20, 'slow'), delay(5, 'fast'), 'plain', Promise.resolve(4)]).then((vs) => console.log('all:', vs));
Promise.all([delay(30, 'never seen'), Promise.reject(new Error('fail fast'))])
  .catch((e) => console.log('all rejected:', e.message));
Promise.all([]).then((vs) => console.log('empty all:', vs));
