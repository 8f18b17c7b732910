// An interval and timeouts interleave by due time: the 5ms timeout runs before the
// first 10ms tick; a timeout created inside a tick runs before the next tick.
let ticks = 0;
setTimeout(() => console.log('timeout at 5ms, after', ticks, 'interval ticks'), 5);
const iv = setInterval(() => {
  ticks++;
  console.log('interval', ticks);
  if (ticks === 1) setTimeout(() => console.log('0ms timeout created by tick 1'), 0);
  if (ticks === 3) clearInterval(iv);
}, 10);
