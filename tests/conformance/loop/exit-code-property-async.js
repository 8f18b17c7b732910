// process.exitCode set in a callback becomes the final exit code.
setTimeout(() => {
  process.exitCode = 4;
  console.log('exitCode set to 4 in a timer');
}, 5);
process.on('exit', (code) => console.log('exit event sees', code));
