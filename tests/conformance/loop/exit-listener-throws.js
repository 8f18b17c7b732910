// A listener that throws stops the 'exit' event: later listeners and the
// microtasks queued so far never run.
process.on('uncaughtException', (e) => console.log('caught', e.message));
process.on('exit', () => {
  console.log('exit1');
  Promise.resolve().then(() => console.log('microtask never runs'));
  throw new Error('x');
});
process.on('exit', () => console.log('exit2 never runs'));
