async function* gen() {
  for (let i = 0; i < 3; i++) {
    await new Promise(r => setTimeout(r, 10));
    console.log('yielding', i);
    yield i;
  }
}
async function* gen2() {
  try { yield 'x'; yield 'y'; } finally { console.log('gen2 cleanup'); }
}
(async () => {
  for await (const v of gen()) console.log('got', v);
  for await (const v of gen2()) { console.log('gen2', v); break; }
  for await (const v of [Promise.resolve(1), 2, new Promise(r => setTimeout(() => r(3), 5))]) console.log('arr', v);
  const results = [];
  for (const ms of [30, 10, 20]) {
    results.push(await new Promise(r => setTimeout(() => r(ms), ms)));
  }
  console.log('sequential', results);
  const par = await Promise.all([30, 10, 20].map(ms => new Promise(r => setTimeout(() => { console.log('timer', ms); r(ms); }, ms))));
  console.log('parallel', par);
})();
