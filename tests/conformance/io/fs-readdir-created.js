// mkdir, write a few files, readdir (sorted: directory order is not guaranteed), then rm -r.
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, `__conformance_tmp_readdir_${process.pid}`);
fs.mkdirSync(dir);
for (const name of ['c.txt', 'a.txt', 'b.log']) fs.writeFileSync(path.join(dir, name), name);
fs.mkdirSync(path.join(dir, 'sub'));
fs.readdir(dir, { withFileTypes: true }, (err, entries) => {
  if (err) throw err;
  const list = entries.map((e) => `${e.name}${e.isDirectory() ? '/' : ''}`).sort();
  console.log(list);
  fs.rmSync(dir, { recursive: true });
  console.log('cleaned up:', !fs.existsSync(dir));
});
