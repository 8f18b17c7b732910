// Four workers sum slices in parallel; results are collected and sorted.
const { Worker } = require('worker_threads');
const code = `
const { parentPort, workerData } = require('worker_threads');
let s = 0;
for (let i = workerData.from; i < workerData.to; i++) s += i % 7;
parentPort.postMessage({ id: workerData.id, s });
`;
const results = [];
let exited = 0;
for (let id = 0; id < 4; id++) {
  const w = new Worker(code, { eval: true, workerData: { id, from: id * 50000, to: (id + 1) * 50000 } });
  w.on('message', (m) => results.push(m));
  w.on('exit', (code) => {
    if (++exited === 4) {
      results.sort((a, b) => a.id - b.id);
      for (const r of results) console.log(r.id, r.s);
      console.log('total', results.reduce((t, r) => t + r.s, 0), 'exit', code);
    }
  });
}
