// Answers every message with what it saw, until the parent disconnects.
console.log('child: argv', process.argv.slice(2).join(' '), typeof process.send, process.connected);
process.on('message', (m) => {
  process.send({ echo: m, from: 'child' });
});
process.on('disconnect', () => console.log('child: disconnected', process.connected));
process.on('exit', (code) => console.log('child: exit', code));
