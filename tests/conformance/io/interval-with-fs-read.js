const fs = require('fs');
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  console.log('interval', ticks);
  if (ticks === 2) {
    fs.readFile(__filename, () => {
      console.log('read done during interval');
      process.nextTick(() => console.log('tick after read'));
    });
  }
  if (ticks === 4) { clearInterval(iv); console.log('cleared'); }
}, 20);
process.on('exit', () => console.log('exit after', ticks));
