// nextTick callbacks queued by nextTick callbacks run before any promise job.
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => {
  console.log('tick A');
  process.nextTick(() => {
    console.log('tick A.1');
    process.nextTick(() => console.log('tick A.1.1'));
  });
});
process.nextTick(() => console.log('tick B'));
