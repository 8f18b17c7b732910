// When the last immediate of a batch throws, Node's check phase goes on
// with the immediates queued meanwhile, before the timers of the next turn.
process.on('uncaughtException', (e) => console.log('caught', e.message));
setImmediate(() => {
  setTimeout(() => console.log('timeout from im1'), 0);
  setImmediate(() => console.log('inner immediate'));
  process.nextTick(() => console.log('tick in im1'));
  throw new Error('im1');
});
