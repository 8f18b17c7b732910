// Copying a file with pipe: the read stream's 64-byte chunks go through a
// write stream; the copy equals the original.
const fs = require('fs');
const { pipeline } = require('stream');
let chunks = 0;
const rs = fs.createReadStream(__filename, { highWaterMark: 64 });
rs.on('data', () => chunks++);
pipeline(rs, fs.createWriteStream('fs-stream-pipe-copy.out'), (err) => {
  console.log('pipeline', err ?? 'ok');
  const same = fs.readFileSync('fs-stream-pipe-copy.out').equals(fs.readFileSync(__filename));
  console.log('copy equals original:', same);
  console.log('chunks match size:', chunks === Math.ceil(fs.statSync(__filename).size / 64));
  fs.unlinkSync('fs-stream-pipe-copy.out');
});
