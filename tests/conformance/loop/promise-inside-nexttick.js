// A promise job queued from a nextTick callback runs after the whole nextTick queue.
process.nextTick(() => {
  console.log('tick 1');
  Promise.resolve().then(() => console.log('promise from tick 1'));
});
process.nextTick(() => {
  console.log('tick 2');
  queueMicrotask(() => {
    console.log('microtask from tick 2');
    process.nextTick(() => console.log('tick from microtask'));
  });
});
process.nextTick(() => console.log('tick 3'));
