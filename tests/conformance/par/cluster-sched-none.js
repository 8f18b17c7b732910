// The primary forks two workers that share one port; six requests from the
// primary, one after the other on new connections, all get an answer with
// SCHED_NONE (the kernel picks the worker in Node: only the total is printed).
const cluster = require('cluster');
cluster.schedulingPolicy = cluster.SCHED_NONE;
const http = require('http');

const PORT = 8124;
if (cluster.isPrimary) {
  const workers = [cluster.fork(), cluster.fork()];
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    console.log('listening', typeof worker.id, address.port, address.addressType, address.address);
    if (++listening === workers.length) request();
  });
  function request() {
    const served = {};
    let done = 0;
    const next = () => {
      http.get(`http://localhost:${PORT}/`, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => { body += chunk; });
        res.on('end', () => {
          served[body] = (served[body] || 0) + 1;
          if (++done === 6) finish(served);
          else next();
        });
      });
    };
    next();
  }
  function finish(served) {
    console.log('total', Object.values(served).reduce((a, b) => a + b, 0));
    cluster.on('exit', (worker, code, signal) => console.log('exit', code, signal));
    for (const worker of workers) worker.kill();
  }
} else {
  const server = http.createServer((req, res) => {
    res.end(String(cluster.worker.id));
  });
  server.listen(PORT);
}
