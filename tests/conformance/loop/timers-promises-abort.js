// timers/promises with an AbortSignal rejects with an AbortError.
const { setTimeout: sleep } = require('timers/promises');
const ac = new AbortController();
sleep(50, 'never', { signal: ac.signal })
  .then((v) => console.log(v))
  .catch((e) => console.log(e.name, e.code));
setTimeout(() => ac.abort(), 5);
