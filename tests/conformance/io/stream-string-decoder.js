// StringDecoder keeps the bytes of a split character until the rest arrives.
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8');
const bytes = Buffer.from('a€b😀');
const out = [];
for (let i = 0; i < bytes.length; i++) out.push(d.write(bytes.subarray(i, i + 1)));
console.log(JSON.stringify(out), JSON.stringify(d.end()));
const cut = new StringDecoder('utf8');
console.log(JSON.stringify(cut.write(Buffer.from([0xe2, 0x82]))), JSON.stringify(cut.end()));
const b64 = new StringDecoder('base64');
console.log(b64.write(Buffer.from('ab')), b64.write(Buffer.from('cd')), b64.end());
const hex = new StringDecoder('hex');
console.log(hex.write(Buffer.from([1, 255])), hex.encoding);
