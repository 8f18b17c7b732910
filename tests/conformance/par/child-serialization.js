// 'json' drops what JSON drops; 'advanced' carries Map, Set, Date, BigInt
// and errors (the structured clone).
const { fork } = require('child_process');
function value() {
  return {
    num: 1.5, str: 'x', undef: undefined, nul: null, nan: NaN,
    map: new Map([['a', 1]]), set: new Set([1, 2]), date: new Date(86400000),
    err: new RangeError('bad range'), arr: [1, [2, 3]], nested: { deep: { ok: true } },
  };
}
function run(serialization, done) {
  const child = fork(__dirname + '/child-scripts/types.js', [], { serialization });
  child.on('message', (lines) => {
    console.log(serialization + ':');
    for (const line of lines) console.log('  ' + line);
  });
  child.on('exit', done);
  const msg = value();
  if (serialization === 'advanced') msg.big = 10n ** 20n;
  child.send(msg);
}
run('json', () => run('advanced', () => console.log('done')));
