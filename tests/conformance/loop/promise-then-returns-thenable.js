// Returning a thenable from then() adopts its state.
Promise.resolve()
  .then(() => ({ then(res) { res('adopted'); } }))
  .then((v) => console.log(v));
Promise.resolve()
  .then(() => ({ then(_, rej) { rej(new Error('thenable rejected')); } }))
  .catch((e) => console.log(e.message));
Promise.resolve()
  .then(() => ({ then() { throw new Error('then() threw'); } }))
  .catch((e) => console.log(e.message));
