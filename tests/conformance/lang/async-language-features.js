// Async-flavoured language features used in event-loop lessons.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function* ticker(n) { for (let i = 0; i < n; i++) { await sleep(1); yield i; } }
(async () => {
  for await (const t of ticker(3)) console.log('tick', t);
  const results = await Promise.allSettled([sleep(2, 'ok'), Promise.reject(new Error('no')), 42]);
  console.log(results.map((r) => r.status), results[1].reason.message, results[0], results[2]);
  console.log(await Promise.any([Promise.reject(1), sleep(1, 'first')]));
  try { await Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]); } catch (e) { console.log(e.constructor.name, e.message, e.errors.map((x) => x.message)); }
  console.log(await Promise.race([sleep(5, 'slow'), sleep(1, 'fast')]));
  const thenable = { then(res) { res('from thenable'); } };
  console.log(await thenable, await 7, [await Promise.resolve([1])]);
  const p = Promise.resolve(1);
  console.log(p, Promise.reject(new Error('shown')).catch(() => {}) instanceof Promise);
  const { promise, resolve } = (() => { let resolve; const promise = new Promise((r) => (resolve = r)); return { promise, resolve }; })();
  setTimeout(() => resolve('deferred'), 1);
  console.log(await promise);
  console.log(typeof (async () => {}), Object.prototype.toString.call(async () => {}), (async () => {})());
})();
