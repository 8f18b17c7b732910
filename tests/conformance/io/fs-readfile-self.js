// fs.readFile reads a file on the thread pool; here, this very program.
const fs = require('fs');
fs.readFile(__filename, 'utf8', (err, text) => {
  if (err) throw err;
  const lines = text.split('\n');
  console.log('first line:', lines[0]);
  console.log('bytes:', Buffer.byteLength(text), 'lines:', lines.length);
});
console.log('readFile started; the callback comes later');
