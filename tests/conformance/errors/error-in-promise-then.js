// An Error thrown inside a then callback becomes an unhandled rejection.
Promise.resolve('value').then((v) => {
  console.log('then got', v);
  throw new RangeError('bad range in then');
});
