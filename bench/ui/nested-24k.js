// 24k setImmediate callbacks, each calling two levels of functions and
// resolving a promise: about a million trace events, with calls nested
// inside every callback (the timeline's nested rows) and a microtask after
// each one.
let n = 0;
function leaf(x) { return x + 1; }
function middle(x) { return leaf(x) + leaf(x + 1); }
function tick() {
  middle(n);
  n++;
  Promise.resolve(n).then(leaf);
  if (n < 24000) setImmediate(tick);
}
setImmediate(tick);
