// fork with silent pipes, spawn with inherited stdio, promisified exec and
// execFile, kill of a spawned child, and node -e.
const { spawn, fork, exec, execFile } = require('child_process');
const util = require('util');
const self = require('path').basename(__filename);
if (process.argv[2] === 'child') {
  console.log('child argv', process.argv.slice(3));
  if (process.send) process.send('hi parent');
  else console.log('no channel', process.connected);
  for (let i = 0; i < 3; i++) console.log('line', i);
  setTimeout(() => console.log('late line'), 5);
} else if (process.argv[2] === 'spin') {
  setInterval(() => console.log('tick'), 100);
} else {
  const steps = [
    () => {
      const c = spawn('node', [self, 'child', '1'], { stdio: 'inherit' });
      console.log('inherit stdout', c.stdout);
      c.on('close', (code) => { console.log('inherit close', code); next(); });
    },
    () => {
      const c = fork(self, ['child', '2'], { silent: true });
      c.on('message', (m) => console.log('fork message', m));
      let out = '';
      c.stdout.setEncoding('utf8');
      c.stdout.on('data', (d) => { out += d; });
      c.on('exit', (code) => console.log('silent exit', code));
      c.on('close', (code) => { console.log('silent close', code, JSON.stringify(out)); next(); });
    },
    async () => {
      const { stdout, stderr } = await util.promisify(exec)(`node ${self} child 3`);
      console.log('promisified', JSON.stringify(stdout), JSON.stringify(stderr));
      try { await util.promisify(execFile)('node', ['-e', 'console.error("bad"); process.exit(4)']); }
      catch (e) { console.log('rejected', e.code, JSON.stringify(e.stderr), e.message); }
      next();
    },
    () => {
      const c = spawn(process.execPath, [self, 'spin']);
      c.stdout.on('data', (d) => { console.log('spin says', String(d).trim()); c.kill(); });
      c.on('exit', (code, sig) => console.log('spin exit', code, sig, c.killed));
      c.on('close', (code, sig) => { console.log('spin close', code, sig); next(); });
    },
    () => {
      const c = spawn('node', ['-e', 'console.log(1+1); console.log(require("path").basename("/a/b.txt"))']);
      let text = '';
      c.stdout.on('data', (d) => { text += d; });
      c.on('close', (code) => { console.log('eval close', code, JSON.stringify(text)); next(); });
    },
  ];
  let i = 0;
  function next() { if (i < steps.length) steps[i++](); else console.log('all done'); }
  next();
}
