// process.exit() inside a promise job: queued timers and later jobs never run.
setTimeout(() => console.log('timer never runs'), 0);
Promise.resolve().then(() => {
  console.log('job 1 exits');
  process.exit(0);
});
Promise.resolve().then(() => console.log('job 2 never runs'));
