// Four CPU-bound workers (the speed-up benchmark of docs/perf.md): each
// counts primes below a bound; the main thread prints the sorted counts.
const { Worker } = require('worker_threads');
const bound = Number(process.argv[2] || 60000);
const code = `
const { parentPort, workerData } = require('worker_threads');
let count = 0;
for (let n = 2; n < workerData.bound; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) { if (n % d === 0) { prime = false; break; } }
  if (prime) count++;
}
parentPort.postMessage({ id: workerData.id, count });
`;
const results = [];
for (let id = 0; id < 4; id++) {
  const w = new Worker(code, { eval: true, workerData: { id, bound } });
  w.on('message', (m) => {
    results.push(m);
    if (results.length === 4) {
      results.sort((a, b) => a.id - b.id);
      console.log(results.map((r) => r.id + ':' + r.count).join(' '));
    }
  });
}
