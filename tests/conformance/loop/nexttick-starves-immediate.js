// Recursive nextTick calls all run before the loop can reach setImmediate.
let ticks = 0;
setImmediate(() => console.log('immediate after', ticks, 'ticks'));
(function spin() {
  if (++ticks < 100) process.nextTick(spin);
})();
