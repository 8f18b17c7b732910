// kill() ends a busy child: 'exit' reports (null, 'SIGTERM'), the channel
// closes first, and a second kill() after the exit returns false.
const { fork } = require('child_process');
const child = fork(__dirname + '/child-scripts/spin.js');
const events = [];
child.on('message', (m) => {
  events.push('message ' + m);
  events.push('kill() -> ' + child.kill());
  events.push('killed ' + child.killed);
});
child.on('disconnect', () => events.push('disconnect'));
child.on('exit', (code, signal) => {
  events.push('exit ' + code + ' ' + signal);
  events.push('exitCode ' + child.exitCode + ' signalCode ' + child.signalCode + ' connected ' + child.connected);
  events.push('kill() again -> ' + child.kill());
  console.log(events.join('\n'));
});
