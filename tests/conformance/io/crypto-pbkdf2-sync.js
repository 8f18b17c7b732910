// pbkdf2Sync blocks the main thread and returns the key directly.
const crypto = require('crypto');
const key = crypto.pbkdf2Sync('secret', 'pepper', 5000, 16, 'sha512');
console.log(key.length, key.toString('hex'));
console.log(crypto.pbkdf2Sync('a', 'b', 1, 8, 'sha1').toString('base64'));
