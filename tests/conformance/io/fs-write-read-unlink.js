// writeFile, readFile, appendFile and unlink with callbacks, in sequence.
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, `__conformance_tmp_fs-write-read-unlink_${process.pid}.txt`);
fs.writeFile(file, 'hello\n', (err) => {
  if (err) throw err;
  fs.appendFile(file, 'world\n', (err) => {
    if (err) throw err;
    fs.readFile(file, 'utf8', (err, data) => {
      if (err) throw err;
      console.log(JSON.stringify(data));
      fs.unlink(file, (err) => {
        if (err) throw err;
        console.log('removed:', !fs.existsSync(file));
      });
    });
  });
});
