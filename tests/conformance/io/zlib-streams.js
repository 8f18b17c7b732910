// zlib's stream classes in a pipeline: gzip then gunzip gives the input back;
// a corrupt stream fails with zlib's error.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const chunks = [];
const sink = new Writable({ write(chunk, encoding, callback) { chunks.push(chunk); callback(); } });
const gzip = zlib.createGzip();
pipeline(Readable.from([Buffer.from('hello '), 'stream ', Buffer.from('world')]), gzip, zlib.createGunzip(), sink, (err) => {
  console.log('round trip', err, Buffer.concat(chunks).toString(), gzip.bytesWritten);
  const inflate = zlib.createInflate();
  inflate.on('error', (e) => console.log('inflate error', e.code, e.errno, e.message));
  inflate.on('data', () => console.log('never'));
  inflate.end(Buffer.from('not deflate data'));
});
const deflated = [];
const deflate = new zlib.Deflate();
deflate.on('data', (c) => deflated.push(c));
deflate.on('end', () => console.log('inflateSync', zlib.inflateSync(Buffer.concat(deflated)).toString()));
deflate.write('abc');
deflate.end('def');
console.log('sync first', typeof zlib.createDeflateRaw, typeof zlib.createUnzip);
