// A tick that throws after a timer: the ticks after it still run before
// the immediates of the same turn.
process.on('uncaughtException', (e) => { console.log('caught', e.message); });
setTimeout(() => {
  console.log('t1');
  process.nextTick(() => { throw new Error('tick in t1 throws'); });
  process.nextTick(() => console.log('tick after the throwing one'));
  Promise.resolve().then(() => console.log('promise in t1'));
  setImmediate(() => console.log('immediate from t1'));
}, 5);
