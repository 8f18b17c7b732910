// setTimeout(0) vs setImmediate
// In the main module their order is a race: it depends on how long the
// loop took to start. Inside an I/O callback it never changes: the check
// phase (setImmediate) comes right after poll, before the next timers.

const fs = require('fs');

setTimeout(() => console.log('main: timeout'), 0);
setImmediate(() => console.log('main: immediate'));

fs.readFile(__filename, () => {
  setTimeout(() => console.log('I/O callback: timeout'), 0);
  setImmediate(() => console.log('I/O callback: immediate (always first)'));
});
