// process.exit(3) stops immediately with that exit code.
console.log('about to exit');
process.exit(3);
console.log('never printed');
