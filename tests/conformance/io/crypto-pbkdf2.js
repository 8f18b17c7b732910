// crypto.pbkdf2 runs on the thread pool; output is deterministic for fixed inputs.
const crypto = require('crypto');
crypto.pbkdf2('password', 'salt', 1000, 32, 'sha256', (err, key) => {
  if (err) throw err;
  console.log('pbkdf2 done:', key.toString('hex'));
});
console.log('pbkdf2 started');
