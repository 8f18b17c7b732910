// Immediates queued during the check phase run in the next loop iteration.
setImmediate(() => {
  console.log('A');
  setImmediate(() => console.log('C (queued by A, next iteration)'));
});
setImmediate(() => {
  console.log('B');
  setImmediate(() => console.log('D (queued by B, next iteration)'));
});
