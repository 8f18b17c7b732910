// Each .then returns a new promise; values flow through the chain.
Promise.resolve(1)
  .then((v) => { console.log('got', v); return v + 1; })
  .then((v) => { console.log('got', v); return new Promise((r) => setTimeout(() => r(v * 10), 5)); })
  .then((v) => { console.log('got', v); })
  .then((v) => { console.log('undefined when nothing returned:', v); });
