// A cluster primary forks three workers; each hashes on its own thread pool
// and reports to the primary over IPC, then the primary stops them.
const cluster = require('cluster');
const crypto = require('crypto');

if (cluster.isPrimary) {
  let reports = 0;
  for (let i = 0; i < 3; i++) cluster.fork();
  cluster.on('message', (worker, msg) => {
    console.log(`worker ${worker.id} hashed ${msg.bytes} bytes`);
    if (++reports === 3) for (const id in cluster.workers) cluster.workers[id].kill();
  });
  cluster.on('exit', (worker) => console.log(`worker ${worker.id} exited`));
} else {
  crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', (err, key) => {
    process.send({ bytes: key.length });
  });
}
