// nextTick callbacks queued in a timer run before the next timer callback.
setTimeout(() => {
  console.log('timeout 1');
  process.nextTick(() => console.log('nextTick from timeout 1'));
}, 0);
setTimeout(() => {
  console.log('timeout 2');
  process.nextTick(() => console.log('nextTick from timeout 2'));
}, 0);
