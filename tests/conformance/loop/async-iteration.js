// for await..of over an async generator, with awaits inside.
async function* countdown(n) {
  while (n > 0) {
    await new Promise((r) => setTimeout(r, 2));
    yield n--;
  }
}
(async () => {
  for await (const v of countdown(3)) console.log('got', v);
  for await (const v of [Promise.resolve('a'), 'b']) console.log('array item', v);
  console.log('done');
})();
console.log('sync end');
