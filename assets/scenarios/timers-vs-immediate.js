// setTimeout(0) vs setImmediate
// From the main module their order is a race: it depends on how long the
// loop took to start. Inside an I/O callback it is always the same:
// the check phase (setImmediate) comes right after poll, before timers.

const fs = require('fs');

setTimeout(() => console.log('main: timeout'), 0);
setImmediate(() => console.log('main: immediate'));

fs.readFile(__filename, () => {
  setTimeout(() => console.log('in I/O callback: timeout'), 0);
  setImmediate(() => console.log('in I/O callback: immediate (always first)'));
});
