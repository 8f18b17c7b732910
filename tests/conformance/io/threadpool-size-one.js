// With UV_THREADPOOL_SIZE=1, thread-pool jobs run one at a time, so callbacks come in submission order.
process.env.UV_THREADPOOL_SIZE = 1;
const crypto = require('crypto');
setTimeout(() => console.log('timer 0 runs before the pool jobs finish'), 0);
for (const id of [1, 2, 3, 4]) {
  crypto.pbkdf2('pw', 'salt', 20000, 16, 'sha256', () => {
    console.log('pbkdf2 job', id, 'done');
  });
}
