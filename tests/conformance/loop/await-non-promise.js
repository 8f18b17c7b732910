// await of a plain value still yields to the microtask queue once.
(async () => {
  console.log('A before');
  const x = await 42;
  console.log('A after', x);
})();
Promise.resolve().then(() => console.log('promise job'));
(async () => {
  console.log('B before');
  await undefined;
  console.log('B after');
})();
console.log('sync');
