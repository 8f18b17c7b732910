// Driving an async generator by hand with next(): each call returns a promise.
async function* gen() {
  yield 'a';
  await null;
  yield 'b';
  return 'end';
}
const g = gen();
g.next().then((r) => console.log(r));
g.next().then((r) => console.log(r));
g.next().then((r) => console.log(r));
g.next().then((r) => console.log(r));
console.log('all next() calls queued');
