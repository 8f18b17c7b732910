// When readline's 'line' and 'close' fire relative to the input's events,
// ticks and promises, and rl.close() from inside a 'line' listener.
const readline = require('readline');
const { Readable } = require('stream');
const input = Readable.from(['alpha\nbeta\n', 'gamma\ndelta\n']);
input.on('end', () => console.log('input end'));
const rl = readline.createInterface({ input });
rl.on('line', (line) => {
  console.log('line', line);
  process.nextTick(() => console.log('  tick after', line));
  Promise.resolve().then(() => console.log('  promise after', line));
  if (line === 'gamma') rl.close();
});
rl.on('pause', () => console.log('pause'));
rl.on('close', () => console.log('close'));
