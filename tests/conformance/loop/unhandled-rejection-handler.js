// process.on('unhandledRejection') receives the reason and the promise; the process survives.
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandledRejection:', reason instanceof Error ? reason.message : reason, promise instanceof Promise);
});
Promise.reject(new Error('first'));
Promise.reject('a plain string');
setTimeout(() => console.log('still running, exit code', process.exitCode), 5);
