const fsp = require('fs/promises');
const fs = require('fs');
(async () => {
  await fsp.mkdir('tmpdir/a/b', { recursive: true });
  await Promise.all(['x', 'y', 'z'].map((n, i) => fsp.writeFile(`tmpdir/${n}.txt`, n.repeat(i + 1))));
  const names = await fsp.readdir('tmpdir');
  console.log(names);
  const ents = await fsp.readdir('tmpdir', { withFileTypes: true });
  console.log(ents.map(e => `${e.name}:${e.isDirectory()}`));
  const sizes = await Promise.all(names.filter(n => n.endsWith('.txt')).map(async n => (await fsp.stat('tmpdir/' + n)).size));
  console.log(sizes);
  await fsp.rename('tmpdir/x.txt', 'tmpdir/w.txt');
  console.log(await fsp.readFile('tmpdir/w.txt', 'utf8'));
  try { await fsp.mkdir('tmpdir'); } catch (e) { console.log(e.code, e.message); }
  try { await fsp.rmdir('tmpdir'); } catch (e) { console.log(e.code); }
  await fsp.rm('tmpdir', { recursive: true, force: true });
  console.log(fs.existsSync('tmpdir'));
  try { await fsp.access('tmpdir'); } catch (e) { console.log('access', e.code); }
})();
