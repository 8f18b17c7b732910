// The libuv thread pool
// crypto.pbkdf2 runs on the thread pool: 4 threads by default.
// Six equal jobs: four run at once, the last two wait for a free
// thread, so they finish about one job-length later.

const crypto = require('crypto');

const start = Date.now();
for (let i = 1; i <= 6; i++) {
  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {
    const ms = Date.now() - start;
    console.log(`job ${i} done after ~${Math.round(ms / 100) * 100} ms`);
  });
}
console.log('six jobs queued; the main thread is free');
