// 40k setImmediate callbacks, one after another: about a million trace events.
let n = 0;
function tick() {
  n++;
  if (n < 40000) setImmediate(tick);
}
setImmediate(tick);
