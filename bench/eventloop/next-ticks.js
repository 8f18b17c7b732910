// 100k process.nextTick callbacks, each queueing the next: one long drain.
let n = 0;
function tick() {
  if (++n < 100000) process.nextTick(tick);
  else console.log('ticks', n);
}
process.nextTick(tick);
