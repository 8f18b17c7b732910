// A child process and IPC
// child_process.fork starts a new Node process: its own pid, memory, event
// loop and thread pool. Parent and child talk only through messages over an
// IPC channel, which costs more than a worker thread's message.

const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (n) => {
    process.send(n * n);
    if (n === 3) process.disconnect();
  });
} else {
  const child = fork(__filename, ['child']);
  child.on('message', (square) => console.log('parent got', square));
  child.on('exit', (code) => console.log('child exited with code', code));
  for (const n of [1, 2, 3]) child.send(n);
  console.log('parent: three messages sent');
}
