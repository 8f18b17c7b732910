// Setting process.exitCode sets the code used when the program ends normally.
process.exitCode = 2;
console.log('exit code set to', process.exitCode);
console.log('program keeps running to the end');
