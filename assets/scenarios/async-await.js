// What await really waits for
// Each await parks the async function and queues its continuation as a
// promise job. Watch the two functions take turns on the microtask queue,
// while the timer waits for the loop.

async function count(name, steps) {
  for (let i = 1; i <= steps; i++) {
    await null;
    console.log(`${name} step ${i}`);
  }
  return name;
}

setTimeout(() => console.log('timer: runs after every microtask'), 0);
count('A', 3).then((name) => console.log(`${name} finished`));
count('B', 2).then((name) => console.log(`${name} finished`));
Promise.resolve().then(() => console.log('a plain .then() joins the queue too'));
console.log('main script done');
