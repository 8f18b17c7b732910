// Changing process.exitCode in an exit listener changes the final exit code.
process.on('exit', (code) => {
  console.log('exit', code);
  process.exitCode = 9;
});
console.log('done');
