// An uncaught exception ends the program with exit code 1 after earlier output.
console.log('before the throw');
function explode() {
  throw new Error('uncaught on purpose');
}
explode();
console.log('never printed');
