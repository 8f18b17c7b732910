// Promise.any takes the first fulfillment; if all reject, an AggregateError with e.errors.
Promise.any([Promise.reject(new Error('a')), Promise.resolve('b'), Promise.resolve('c')])
  .then((v) => console.log('any:', v));
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch((e) => {
  console.log(e.constructor.name, e instanceof AggregateError, e.message);
  console.log(e.errors.map((err) => err.message));
});
Promise.any([]).catch((e) => console.log('empty any:', e.name, e.errors.length));
