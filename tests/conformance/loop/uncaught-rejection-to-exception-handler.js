// Without an unhandledRejection listener, an unhandled rejection goes to uncaughtException.
process.on('uncaughtException', (err, origin) => {
  console.log('uncaughtException:', err.message, origin);
});
Promise.reject(new Error('rejected'));
setTimeout(() => console.log('survived'), 1);
