// More busy workers than cores: every one still finishes with the right
// answer (the cores are shared), and each measured a positive busy time.
const os = require('os');
const { Worker } = require('worker_threads');
const count = os.availableParallelism() * 2;
const code = `
const { parentPort, workerData } = require('worker_threads');
const t0 = performance.now();
let primes = 0;
for (let n = 2; n < workerData.bound; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) { if (n % d === 0) { prime = false; break; } }
  if (prime) primes++;
}
parentPort.postMessage({ id: workerData.id, primes, busy: performance.now() - t0 });
`;
const results = [];
for (let id = 0; id < count; id++) {
  const w = new Worker(code, { eval: true, workerData: { id, bound: 2000 + 1000 * (id % 3) } });
  w.on('message', (m) => {
    results.push(m);
    if (results.length === count) {
      results.sort((a, b) => a.id - b.id);
      console.log('workers:', results.length === 2 * os.cpus().length);
      console.log('primes:', [...new Set(results.map((r) => r.primes))].join(' '));
      console.log('all busy > 0:', results.every((r) => r.busy > 0));
    }
  });
}
