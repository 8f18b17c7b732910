// Random values differ per run, so only their shapes are printed.
const crypto = require('crypto');
console.log(crypto.randomBytes(8).length);
console.log(/^[0-9a-f-]{36}$/.test(crypto.randomUUID()));
const n = crypto.randomInt(10);
console.log(Number.isInteger(n) && n >= 0 && n < 10);
crypto.randomBytes(4, (err, buf) => console.log('async randomBytes length', buf.length));
