// The synchronous fs API blocks until done; results are available immediately.
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, `__conformance_tmp_fs-sync_${process.pid}.txt`);
fs.writeFileSync(file, 'line 1\n');
fs.appendFileSync(file, 'line 2\n');
console.log(fs.existsSync(file), JSON.stringify(fs.readFileSync(file, 'utf8')));
console.log(fs.readFileSync(file).length, fs.statSync(file).isDirectory());
fs.renameSync(file, file + '.moved');
console.log(fs.existsSync(file), fs.existsSync(file + '.moved'));
fs.unlinkSync(file + '.moved');
console.log('gone:', !fs.existsSync(file + '.moved'));
