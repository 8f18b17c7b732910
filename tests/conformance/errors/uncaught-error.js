// An uncaught Error prints the source line, a caret, and the stack; exit code 1.
console.log('stdout before the crash');
const config = { port: 80 };
if (config.port < 1024) {
  throw new Error('port must be >= 1024');
}
