// spawn, execFile and exec of node: the child's stdout and stderr are pipes
// the parent reads; 'exit' comes after the pipes' EOF, 'close' after both.
const { spawn, execFile, exec } = require('child_process');
const path = require('path');
const self = path.basename(__filename);

if (process.argv[2] === 'child') {
  console.log('child out', process.argv.slice(3).join(','));
  console.error('child err');
  setTimeout(() => {
    console.log('child later');
    process.exitCode = 3;
  }, 10);
} else {
  const c = spawn('node', [self, 'child', 'a', 'b']);
  c.stdout.on('data', (d) => console.log('stdout:', JSON.stringify(String(d))));
  c.stderr.on('data', (d) => console.log('stderr:', JSON.stringify(String(d))));
  c.stdout.on('end', () => console.log('stdout end'));
  c.on('spawn', () => console.log('spawn event'));
  c.on('exit', (code, sig) => console.log('exit', code, sig));
  c.on('close', (code, sig) => {
    console.log('close', code, sig);
    execFile('node', [self, 'child', 'x'], (err, out, errout) => {
      console.log('execFile', err.code, err.killed, err.signal, JSON.stringify(err.message));
      console.log('execFile output', JSON.stringify(out), JSON.stringify(errout));
      exec(`node ${self} child y`, (err2, out2) => console.log('exec', err2.cmd, JSON.stringify(out2)));
    });
  });
  console.log('spawned', typeof c.pid, c.connected, typeof c.send, c.stdin !== null, c.spawnargs.slice(1));
}
