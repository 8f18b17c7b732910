// 100k setImmediate callbacks, each scheduling the next: 100k loop iterations.
let n = 0;
function step() {
  if (++n < 100000) setImmediate(step);
  else console.log('immediates', n);
}
setImmediate(step);
