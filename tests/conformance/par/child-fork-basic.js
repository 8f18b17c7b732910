// fork() a module with arguments, exchange a message, disconnect: the
// parent's events in order, printed once the child has exited.
const { fork } = require('child_process');
const child = fork(__dirname + '/child-scripts/echo.js', ['one', 'two']);
const events = [];
events.push('pid is a number: ' + (typeof child.pid === 'number'));
events.push('connected: ' + child.connected);
child.on('spawn', () => events.push('spawn'));
child.on('message', (m) => {
  events.push('message ' + JSON.stringify(m));
  child.disconnect();
  events.push('after disconnect(): connected ' + child.connected);
});
child.on('disconnect', () => events.push('disconnect'));
child.on('close', () => events.push('close (never: the parent closed the channel)'));
child.on('exit', (code, signal) => {
  events.push('exit ' + code + ' ' + signal);
  console.log(events.join('\n'));
});
events.push('send returned ' + child.send({ hello: 'world', n: 42 }));
