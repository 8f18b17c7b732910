const fs = require('fs');
const readline = require('readline');
fs.writeFileSync('lines.txt', 'alpha\nbeta\n\ngamma');
const rl = readline.createInterface({ input: fs.createReadStream('lines.txt'), crlfDelay: Infinity });
let n = 0;
rl.on('line', (l) => console.log(++n, JSON.stringify(l)));
rl.on('close', () => { console.log('closed', n); fs.unlinkSync('lines.txt'); main2(); });
async function main2() {
  fs.writeFileSync('l2.txt', 'one\ntwo\nthree\n');
  const rl2 = readline.createInterface({ input: fs.createReadStream('l2.txt') });
  for await (const line of rl2) console.log('iter', line);
  console.log('done iter');
  fs.unlinkSync('l2.txt');
}
