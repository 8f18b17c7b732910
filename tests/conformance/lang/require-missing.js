// Requiring a module that does not exist throws an Error with code MODULE_NOT_FOUND.
try {
  require('nope');
} catch (e) {
  console.log(e.code);
  console.log(e.message.split('\n')[0]);
  console.log(e instanceof Error);
}
try {
  require('./does-not-exist');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
