// An unref'd timer does not keep the process alive.
const t = setTimeout(() => console.log('never runs: process exits first'), 10000);
t.unref();
console.log('hasRef after unref:', t.hasRef());
setTimeout(() => console.log('short ref timer runs'), 5);
process.on('exit', () => console.log('exit'));
