// Errors from fs carry code, syscall and errno; a missing file is ENOENT.
const fs = require('fs');
try {
  fs.readFileSync('missing-too.txt');
} catch (e) {
  console.log('sync:', e.code, e instanceof Error);
}
fs.stat('definitely-missing-file.txt', (err, st) => {
  console.log('callback:', err.code, err.syscall, err.errno, st);
  console.log(err.message);
  fs.promises.access('nope.txt').catch((e) => console.log('promise:', e.code, e.syscall));
});
