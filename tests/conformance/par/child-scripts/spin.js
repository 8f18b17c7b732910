// Busy forever until killed: a timer keeps the loop alive.
process.send('ready');
setInterval(() => {}, 1000);
