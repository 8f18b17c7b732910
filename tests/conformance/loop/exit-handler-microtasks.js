// Microtasks queued by 'exit' listeners still run (nextTick is ignored once
// the process is exiting), and they may still set process.exitCode.
process.on('exit', (c) => {
  console.log('exit', c);
  Promise.resolve().then(() => { console.log('p1'); return null; }).then(() => console.log('p2'));
  queueMicrotask(() => console.log('qm'));
  process.nextTick(() => console.log('tick never runs'));
  setImmediate(() => console.log('immediate never runs'));
  setTimeout(() => console.log('timeout never runs'), 0);
});
process.on('exit', () => {
  console.log('second exit listener');
  Promise.resolve().then(() => { console.log('setting exitCode'); process.exitCode = 9; });
});
console.log('main');
