// A worker thread computes and posts a result back; only the main thread prints.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { workerData: { n: 25 } });
  w.on('message', (msg) => console.log('main got', msg));
  w.on('exit', (code) => console.log('worker exited with', code));
  console.log('main continues while the worker runs');
} else {
  const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
  parentPort.postMessage({ n: workerData.n, fib: fib(workerData.n) });
}
