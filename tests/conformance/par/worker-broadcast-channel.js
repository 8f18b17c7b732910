// BroadcastChannel between the main thread and three workers, several
// channels of one name in one thread, another name, close, unref.
const { Worker, BroadcastChannel, isMainThread, workerData } = require('worker_threads');
if (isMainThread) {
  const a = new BroadcastChannel('room');
  const b = new BroadcastChannel('room');
  const other = new BroadcastChannel('other');
  other.onmessage = () => console.log('other got a message');
  other.unref();
  const seen = [];
  b.addEventListener('message', (e) => {
    seen.push(e.data.from);
    if (seen.length === 3) {
      console.log('b heard', seen.sort().join(','));
      a.postMessage({ from: 'main', text: 'stop' });
      setTimeout(() => { a.close(); b.close(); }, 5);
    }
  });
  a.onmessage = (e) => console.log('a should not hear b');
  console.log(a.name, typeof a.postMessage, a instanceof BroadcastChannel);
  b.postMessage({ from: 'main b', text: 'hello a' });
  a.onmessage = (e) => console.log('a got', e.type, e.data.text, e.constructor.name);
  let exited = 0;
  for (let i = 1; i <= 3; i++) {
    new Worker(__filename, { workerData: i }).on('exit', () => { if (++exited === 3) console.log('workers closed their channels and exited'); });
  }
} else {
  const ch = new BroadcastChannel('room');
  ch.onmessage = (e) => {
    if (e.data.text === 'stop') ch.close();
  };
  ch.postMessage({ from: 'worker ' + workerData, text: 'joined' });
}
process.on('exit', () => { if (isMainThread) console.log('main exits'); });
