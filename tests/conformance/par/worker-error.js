// An uncaught exception in a worker becomes the Worker's 'error' event.
const { Worker } = require('worker_threads');
const w = new Worker(`throw new TypeError('bad input');`, { eval: true });
w.on('error', (e) => console.log('error', e instanceof TypeError, e.name, e.message));
w.on('exit', (code) => console.log('exit', code));
