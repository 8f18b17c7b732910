// The fs/promises API with async/await.
const fsp = require('fs/promises');
const path = require('path');
const file = path.join(__dirname, `__conformance_tmp_fs-promises_${process.pid}.json`);
(async () => {
  await fsp.writeFile(file, JSON.stringify({ n: 1, list: [1, 2] }));
  const st = await fsp.stat(file);
  console.log('isFile', st.isFile(), 'size', st.size);
  const obj = JSON.parse(await fsp.readFile(file, 'utf8'));
  console.log(obj);
  await fsp.unlink(file);
  try {
    await fsp.readFile(file);
  } catch (e) {
    console.log('after unlink:', e.code);
  }
})();
