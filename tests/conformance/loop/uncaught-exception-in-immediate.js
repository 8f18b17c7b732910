// An error thrown in setImmediate, caught by uncaughtException; later immediates still run.
process.on('uncaughtException', (err) => console.log('handler:', err.message));
setImmediate(() => { console.log('immediate 1'); throw new Error('from immediate'); });
setImmediate(() => console.log('immediate 2'));
setImmediate(() => console.log('immediate 3'));
