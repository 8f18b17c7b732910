// Promise.allSettled waits for every promise and reports each outcome.
Promise.allSettled([
  Promise.resolve(1),
  Promise.reject(new Error('no')),
  new Promise((r) => setTimeout(() => r('later'), 5)),
  'plain',
]).then((results) => {
  for (const r of results) console.log(r.status, r.status === 'fulfilled' ? r.value : r.reason.message);
});
