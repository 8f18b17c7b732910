// Each child has its own pid; its ppid is the parent's pid; options.env
// replaces the child's whole environment.
const { fork } = require('child_process');
const a = fork(__dirname + '/child-scripts/quiet.js', { env: { GREETING: 'hello', EXTRA: '1' } });
const b = fork(__dirname + '/child-scripts/quiet.js', [], { env: { GREETING: 'hi' } });
const seen = new Map();
for (const [name, child] of [['a', a], ['b', b]]) {
  child.on('message', (m) => {
    seen.set(name, m);
    child.send('bye');
  });
}
let exited = 0;
const done = () => {
  if (++exited < 2) return;
  console.log('distinct pids:', a.pid !== b.pid, a.pid !== process.pid, b.pid !== process.pid);
  for (const name of ['a', 'b']) {
    const m = seen.get(name);
    console.log(name, m.pidIsNumber, m.ppid === process.pid, m.env.join(','), m.greeting);
  }
};
a.on('exit', done);
b.on('exit', done);
