// Paused mode: 'readable' and read(), pause/resume and setEncoding with a
// UTF-8 character split across chunks.
const { Readable } = require('stream');
const euro = Buffer.from('€');
const r = new Readable({ read() {} });
r.setEncoding('utf8');
r.push(Buffer.from('x'));
r.push(euro.subarray(0, 1));
r.push(euro.subarray(1));
r.push(Buffer.from('y'));
r.push(null);
r.on('readable', () => {
  let chunk;
  console.log('readable, length', r.readableLength);
  while ((chunk = r.read(2)) !== null) console.log('read', JSON.stringify(chunk));
});
r.on('end', () => console.log('end'));

const p = new Readable({ objectMode: true, read() {} });
p.on('pause', () => console.log('pause event'));
p.on('resume', () => console.log('resume event'));
p.on('data', (o) => {
  console.log('object', o);
  if (o.n === 1) {
    p.pause();
    console.log('isPaused', p.isPaused());
    setTimeout(() => p.resume(), 5);
  }
});
p.push({ n: 1 });
p.push({ n: 2 });
p.push(null);
p.on('end', () => console.log('objects end'));
