// Reading this file line by line: readline over fs.createReadStream, with
// for await, and the events around it.
const fs = require('fs');
const readline = require('readline');
(async () => {
  const input = fs.createReadStream(__filename, { highWaterMark: 128 });
  input.on('open', () => console.log('input open'));
  input.on('close', () => console.log('input close'));
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  rl.on('close', () => console.log('rl close'));
  let n = 0;
  let longest = '';
  for await (const line of rl) {
    n++;
    if (line.length > longest.length) longest = line;
  }
  console.log('lines', n, 'longest', JSON.stringify(longest));
  setImmediate(() => console.log('immediate after loop'));
})();
