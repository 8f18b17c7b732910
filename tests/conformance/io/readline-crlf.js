// readline splits on \n, \r\n and lone \r, also when \r\n is split across
// chunks, and emits the last unterminated line before 'close'.
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
rl.on('line', (line) => console.log('line', JSON.stringify(line)));
rl.on('close', () => console.log('close'));
input.write('one\r');
input.write('\ntwo\rthree\n\nfour');
input.write(Buffer.from('€').subarray(0, 2));
input.end(Buffer.concat([Buffer.from('€').subarray(2), Buffer.from('\nlast')]));
console.log('written');
