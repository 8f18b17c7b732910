const { parentPort, workerData, isMainThread, threadId } = require('worker_threads');
parentPort.postMessage({ ready: true, isMainThread, threadId, workerData });
parentPort.on('message', (m) => {
  parentPort.postMessage({ result: m.square * m.square });
  process.exitCode = 3;
  parentPort.close();
});
