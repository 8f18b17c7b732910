// deflateSync/inflateSync and their compressed bytes for a fixed input.
const zlib = require('zlib');
const input = Buffer.from('aaaaaaaaaabbbbbbbbbb');
const deflated = zlib.deflateSync(input);
console.log(deflated.toString('base64'));
console.log(zlib.inflateSync(deflated).toString());
console.log(zlib.inflateRawSync(zlib.deflateRawSync('raw')).toString());
try { zlib.inflateSync(Buffer.from('not compressed')); } catch (e) { console.log(e.code); }
