// A nextTick that throws between two immediates interrupts the batch: the
// next immediate runs before the ticks left behind.
process.on('uncaughtException', (e) => { console.log('caught', e.message); });
setImmediate(() => {
  console.log('immediate W');
  process.nextTick(() => { throw new Error('tickA'); });
  process.nextTick(() => console.log('tickB'));
  Promise.resolve().then(() => console.log('promise from W'));
});
setImmediate(() => { console.log('immediate X'); process.nextTick(() => console.log('tick in X')); });
setImmediate(() => console.log('immediate Y'));
