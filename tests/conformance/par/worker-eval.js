// new Worker(code, { eval: true }) runs the code as a CommonJS script.
const { Worker } = require('worker_threads');
const code = `
const { parentPort, workerData } = require('worker_threads');
let sum = 0;
for (let i = 1; i <= workerData; i++) sum += i;
parentPort.postMessage(sum);
`;
const w = new Worker(code, { eval: true, workerData: 1000 });
w.on('message', (sum) => console.log('sum', sum));
w.on('exit', (code) => console.log('exit', code));
