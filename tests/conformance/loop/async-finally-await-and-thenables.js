async function a() {
  console.log('a start');
  try {
    await b();
    console.log('after b');
    return 'a-result';
  } finally {
    console.log('a finally');
    await null;
    console.log('a finally after await');
  }
}
async function b() {
  console.log('b start');
  await Promise.resolve();
  console.log('b after await');
  throw new Error('boom');
}
async function c() {
  try { return await a(); } catch (e) { console.log('caught', e.message); return 'recovered'; }
}
c().then(v => console.log('c resolved', v));
const thenable = { then(res) { console.log('thenable then called'); res(42); } };
Promise.resolve(thenable).then(v => console.log('thenable value', v));
(async () => { const v = await thenable; console.log('awaited thenable', v); })();
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4')).then(() => console.log('p5'));
new Promise(r => r(Promise.resolve('inner'))).then(v => console.log('resolved with promise', v));
Promise.resolve().then(() => Promise.resolve('returned')).then(v => console.log('then returned promise', v));
console.log('sync end');
