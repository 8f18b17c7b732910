// A worker's console output goes through the main thread.
const { Worker } = require('worker_threads');
const w = new Worker(`console.log('hello from the worker'); process.exit(5);`, { eval: true });
w.on('exit', (code) => console.log('worker exited with', code));
