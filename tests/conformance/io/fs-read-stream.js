// A read stream delivers a file in chunks of highWaterMark bytes.
const fs = require('fs');
const size = fs.statSync(__filename).size;
const chunks = [];
fs.createReadStream(__filename, { highWaterMark: 64 })
  .on('data', (c) => chunks.push(c.length))
  .on('end', () => {
    console.log('chunks:', chunks.length === Math.ceil(size / 64));
    console.log('all but last are 64 bytes:', chunks.slice(0, -1).every((n) => n === 64));
    console.log('total matches size:', chunks.reduce((a, b) => a + b, 0) === size);
  })
  .on('close', () => console.log('closed'));
