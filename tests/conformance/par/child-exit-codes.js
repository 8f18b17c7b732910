// A child's exit code reaches the parent: process.exit(n), process.exitCode,
// an uncaught exception (1) and a natural end (0).
const { fork } = require('child_process');
const hows = ['code', 'exitCode', 'throw', 'natural'];
const results = {};
for (const how of hows) {
  const child = fork(__dirname + '/child-scripts/exits.js', [how]);
  child.on('exit', (code, signal) => {
    results[how] = code + ' ' + signal;
    if (Object.keys(results).length === hows.length) {
      for (const h of hows) console.log(h + ': ' + results[h]);
    }
  });
}
