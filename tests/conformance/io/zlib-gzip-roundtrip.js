// zlib.gzip and gunzip run on the thread pool and round-trip the data.
const zlib = require('zlib');
const input = 'hello hello hello hello hello '.repeat(20);
zlib.gzip(input, (err, compressed) => {
  if (err) throw err;
  console.log('compressed smaller:', compressed.length < input.length, 'gzip magic:', compressed.slice(0, 2).toString('hex'));
  zlib.gunzip(compressed, (err, out) => {
    if (err) throw err;
    console.log('round trip ok:', out.toString() === input, out.length);
  });
});
