// A tick that throws after an fs callback: the other ticks wait for the
// next callback scope, which the check phase opens before any immediate.
process.on('uncaughtException', (e) => { console.log('caught', e.message); });
require('fs').stat(__filename, () => {
  console.log('stat callback');
  process.nextTick(() => { throw new Error('tickA'); });
  process.nextTick(() => console.log('tickB'));
  Promise.resolve().then(() => console.log('promise after tickB'));
  setImmediate(() => { console.log('immediate X'); process.nextTick(() => console.log('tick in X')); });
  setImmediate(() => console.log('immediate Y'));
});
