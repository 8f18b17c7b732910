// schedulingPolicy: round robin by default, 'none' from
// NODE_CLUSTER_SCHED_POLICY (read when cluster is first required); workers
// inherit the primary's environment.
process.env.NODE_CLUSTER_SCHED_POLICY = 'none';
const cluster = require('cluster');
if (cluster.isPrimary) {
  console.log('SCHED_NONE', cluster.SCHED_NONE, 'SCHED_RR', cluster.SCHED_RR);
  console.log('primary policy', cluster.schedulingPolicy === cluster.SCHED_NONE ? 'none' : 'rr');
  const w = cluster.fork();
  w.on('message', (m) => {
    console.log('worker policy', m);
    w.disconnect();
  });
} else {
  process.send(cluster.schedulingPolicy === cluster.SCHED_NONE ? 'none' : 'rr');
}
