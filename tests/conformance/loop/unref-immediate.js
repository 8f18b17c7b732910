// An unref'd immediate does not keep the process alive: with nothing else to do,
// the loop never starts and it never runs.
const im = setImmediate(() => console.log('never runs'));
im.unref();
console.log('hasRef', im.hasRef());
process.on('beforeExit', () => console.log('beforeExit: loop is empty'));
process.on('exit', () => console.log('exit'));
