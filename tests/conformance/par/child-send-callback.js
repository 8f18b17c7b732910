// send()'s callback runs after the message is written; 'spawn' comes first;
// sending on a closed channel reports ERR_IPC_CHANNEL_CLOSED; bad arguments
// throw synchronously.
const { fork } = require('child_process');
const child = fork(__dirname + '/child-scripts/echo.js', ['cb']);
const events = [];
child.on('spawn', () => events.push('spawn'));
events.push('send -> ' + child.send('first', (err) => events.push('callback 1 ' + err)));
try {
  child.send(undefined);
} catch (e) {
  events.push('throws ' + e.code + ': ' + e.message);
}
try {
  child.send(() => {});
} catch (e) {
  events.push('throws ' + e.code);
}
child.once('message', (m) => {
  events.push('reply ' + JSON.stringify(m));
  child.disconnect();
  events.push('send after disconnect -> ' + child.send('late', (err) => {
    events.push('callback 2 ' + (err && err.code) + ' ' + (err && err.message));
  }));
});
child.on('exit', (code) => {
  events.push('exit ' + code);
  console.log(events.join('\n'));
});
