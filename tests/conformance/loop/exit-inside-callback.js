// process.exit() in a callback stops everything: later callbacks never run.
setTimeout(() => {
  console.log('timer 1 calls process.exit(5)');
  process.nextTick(() => console.log('never runs'));
  setImmediate(() => console.log('never runs either'));
  process.exit(5);
}, 0);
setTimeout(() => console.log('timer 2 never runs'), 0);
process.on('exit', (code) => console.log('exit listener still runs, code', code));
