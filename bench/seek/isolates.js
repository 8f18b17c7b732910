// Four worker threads and the main thread, each running a chain of
// setImmediate callbacks and trading messages: the fold switches isolates
// at nearly every event.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const kRounds = 12000;
if (isMainThread) {
  let replies = 0;
  for (let w = 0; w < 4; w++) {
    const worker = new Worker(__filename, { workerData: w });
    worker.on('message', (m) => {
      if (++replies === 4) console.log('workers done', m);
    });
  }
  let n = 0;
  const spin = () => { if (++n < kRounds) setImmediate(spin); };
  setImmediate(spin);
} else {
  let n = 0;
  const spin = () => {
    if (++n < kRounds) setImmediate(spin);
    else parentPort.postMessage(n);
  };
  setImmediate(spin);
}
