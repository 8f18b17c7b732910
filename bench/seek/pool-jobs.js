// 60,000 thread-pool jobs queued at once: the pool's waiting queue starts
// 60,000 long and drains four at a time.
const crypto = require('crypto');
let done = 0;
for (let i = 0; i < 60000; i++) {
  crypto.pbkdf2('secret', 'salt' + (i % 10), 1, 8, 'sha256', () => {
    if (++done === 60000) console.log('pool jobs done', done);
  });
}
