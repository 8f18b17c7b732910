// readline question() with an output stream, and readline/promises.
const readline = require('readline');
const rlp = require('readline/promises');
const { Readable, PassThrough } = require('stream');
const out = new PassThrough();
let text = '';
out.on('data', (d) => (text += d));
const rl = readline.createInterface({ input: Readable.from(['Ada\n', '36\n']), output: out, terminal: false });
rl.question('name? ', (name) => {
  rl.question('age? ', (age) => {
    console.log('got', name, age, JSON.stringify(text));
    rl.close();
  });
});
rl.on('close', () => console.log('closed'));
(async () => {
  const r2 = rlp.createInterface({ input: Readable.from(['x\n']) });
  const a = await r2.question('q? ');
  console.log('answer', a);
  r2.close();
})();
