// A worker gets workerData, answers a message, and exits with its code.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
console.log('main:', isMainThread, threadId, parentPort, workerData);
const w = new Worker(__dirname + '/workers/echo.js', { workerData: { greeting: 'hi', n: 3 } });
const events = [];
w.on('online', () => events.push('online'));
w.on('message', (m) => {
  events.push('message ' + JSON.stringify(m));
  if (m.ready) w.postMessage({ square: 7 });
});
w.on('exit', (code) => {
  events.push('exit ' + code);
  console.log(events.join('\n'));
  console.log('threadId', w.threadId);
});
