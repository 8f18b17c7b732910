// readline reads a stream line by line with for await.
const readline = require('readline');
const { Readable } = require('stream');
(async () => {
  const rl = readline.createInterface({ input: Readable.from(['first line\nsec', 'ond line\nthird']) });
  let n = 0;
  for await (const line of rl) console.log(++n, JSON.stringify(line));
  console.log('lines:', n);
})();
