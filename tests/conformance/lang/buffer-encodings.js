// Buffer.from(string) and conversions to hex, base64 and back.
const b = Buffer.from('hello, world');
console.log(b.length, b.toString('hex'));
console.log(b.toString('base64'), Buffer.from('aGk=', 'base64').toString());
console.log(Buffer.from('héllo').length, Buffer.from('héllo').toString('hex'));
console.log(Buffer.from('68656c6c6f', 'hex').toString('utf8'), b.slice(0, 5).toString());
console.log(Buffer.byteLength('👋'), Buffer.from([1, 2, 255]).toString('hex'));
console.log(Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]).toString(), Buffer.isBuffer(b));
console.log(Buffer.alloc(3).toString('hex'), Buffer.from('abc').equals(Buffer.from('abc')));
