// createHash and createHmac digests in hex and base64.
const crypto = require('crypto');
console.log(crypto.createHash('sha256').update('hello').digest('hex'));
console.log(crypto.createHash('md5').update('hello').digest('hex'));
console.log(crypto.createHash('sha1').update('hel').update('lo').digest('base64'));
console.log(crypto.createHmac('sha256', 'key').update('message').digest('hex'));
console.log(crypto.createHash('sha256').update('').digest('hex'));
