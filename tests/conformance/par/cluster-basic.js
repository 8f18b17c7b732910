// The primary forks two workers running this same file; each worker says
// who it is; the primary prints what it collected once both have exited.
const cluster = require('cluster');
if (cluster.isPrimary) {
  console.log('primary:', cluster.isPrimary, cluster.isMaster, cluster.isWorker);
  const reports = [];
  for (let i = 0; i < 2; i++) {
    const worker = cluster.fork({ WORKER_INDEX: String(i) });
    worker.on('message', (m) => {
      reports.push(m);
      worker.disconnect();
    });
  }
  console.log('workers:', Object.keys(cluster.workers).join(','));
  let exits = 0;
  cluster.on('exit', (worker, code, signal) => {
    if (++exits < 2) return;
    reports.sort((x, y) => x.id - y.id);
    for (const r of reports) console.log(JSON.stringify(r));
    console.log('workers left:', Object.keys(cluster.workers).length);
  });
} else {
  process.send({
    id: cluster.worker.id,
    index: process.env.WORKER_INDEX,
    isWorker: cluster.isWorker,
    isPrimary: cluster.isPrimary,
    uniqueIdVisible: 'NODE_UNIQUE_ID' in process.env,
    pidMatches: cluster.worker.process.pid === process.pid,
  });
}
