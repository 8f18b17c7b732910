// An unref'd interval keeps running while something else keeps the loop alive.
let runs = 0;
const iv = setInterval(() => { runs++; }, 5);
iv.unref();
setTimeout(() => {
  console.log('interval ran at least twice:', runs >= 2);
}, 100);
process.on('exit', () => console.log('exiting with the interval still set'));
