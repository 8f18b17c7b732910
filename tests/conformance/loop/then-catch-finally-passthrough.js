// catch skips fulfilled values; then without onRejected passes errors along; finally passes through.
Promise.reject(new Error('boom'))
  .then(() => console.log('skipped'))
  .finally(function () { console.log('finally 1 receives', arguments.length, 'arguments'); })
  .catch((e) => { console.log('caught', e.message); return 'recovered'; })
  .catch(() => console.log('not called'))
  .finally(() => 'ignored return value')
  .then((v) => console.log('value after finally:', v));
Promise.resolve('ok')
  .finally(() => { throw new Error('finally throws'); })
  .catch((e) => console.log('finally can replace the result:', e.message));
