let n = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, n);
  if (n++ < 2) {
    setTimeout(() => console.log('timer from beforeExit', n), 5);
    Promise.resolve().then(() => console.log('microtask from beforeExit'));
  }
});
process.on('exit', (code) => {
  console.log('exit', code, process.exitCode);
  setTimeout(() => console.log('never runs'), 0);
  process.nextTick(() => console.log('tick in exit never runs'));
  Promise.resolve().then(() => console.log('promise in exit?'));
});
process.exitCode = 3;
console.log('main done');
