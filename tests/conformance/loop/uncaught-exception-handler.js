// process.on('uncaughtException') keeps the process alive after a throw in a callback.
process.on('uncaughtException', (err, origin) => {
  console.log('caught by handler:', err.message, '| origin:', origin);
});
setTimeout(() => {
  throw new Error('thrown in a timer');
}, 0);
setTimeout(() => console.log('second timer still runs'), 5);
