// Worker threads: two more event loops
// Each Worker has its own isolate, heap, call stack and event loop, and runs
// in parallel with the main thread. They share nothing: results come back
// as messages, which the main thread receives in its poll phase.

const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (isMainThread) {
  const ranges = [[1, 200000], [200001, 400000]];
  let total = 0;
  let pending = ranges.length;
  for (const [from, to] of ranges) {
    const worker = new Worker(__filename, { workerData: { from, to } });
    worker.on('message', (sum) => {
      total += sum;
      if (--pending === 0) console.log('sum of 1..400000 =', total);
    });
  }
  console.log('main thread: two workers started, the loop stays free');
} else {
  let sum = 0;
  for (let n = workerData.from; n <= workerData.to; n++) sum += n;
  parentPort.postMessage(sum);
}
