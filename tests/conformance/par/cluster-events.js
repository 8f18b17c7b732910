// The lifecycle of each worker as the primary sees it: fork, online,
// message (cluster's and the worker's), disconnect, exit; disconnect()
// ends a worker with code 0 (exitedAfterDisconnect), kill() with SIGTERM.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const log = { 1: [], 2: [] };
  cluster.on('fork', (w) => log[w.id].push('fork'));
  cluster.on('online', (w) => log[w.id].push('online'));
  cluster.on('message', (w, m) => log[w.id].push('cluster message ' + m));
  cluster.on('disconnect', (w) => log[w.id].push('disconnect'));
  let exits = 0;
  cluster.on('exit', (w, code, signal) => {
    log[w.id].push('exit ' + code + ' ' + signal + ' after-disconnect ' + w.exitedAfterDisconnect + ' state ' + w.state);
    if (++exits === 2) {
      console.log('workers left:', Object.keys(cluster.workers).length);
      for (const id of [1, 2]) console.log('worker ' + id + ': ' + log[id].join(', '));
    }
  });
  for (let i = 0; i < 2; i++) {
    const w = cluster.fork();
    w.on('message', (m) => {
      log[w.id].push('worker message ' + m);
      if (w.id === 1) w.disconnect();
      else w.kill();
    });
  }
} else {
  process.send('hello from ' + cluster.worker.id);
}
