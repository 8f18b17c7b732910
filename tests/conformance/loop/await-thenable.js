// Awaiting a thenable calls its then() in a microtask and adds a turn.
const thenable = {
  then(resolve) {
    console.log('then() called');
    resolve('thenable value');
  },
};
(async () => {
  console.log('before await');
  const v = await thenable;
  console.log('after await', v);
})();
Promise.resolve()
  .then(() => console.log('job 1'))
  .then(() => console.log('job 2'))
  .then(() => console.log('job 3'));
console.log('sync end');
