// A chain of immediates, each scheduling the next: an immediate queued during the
// check phase waits for the next loop iteration, so nextTicks and promises always run in between.
let i = 0;
function step() {
  console.log('immediate step', i);
  process.nextTick(() => console.log('  nextTick after step', i));
  if (++i < 4) setImmediate(step);
}
setImmediate(step);
