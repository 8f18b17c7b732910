// An async function runs synchronously until its first await.
async function work(name) {
  console.log(name, 'start (sync)');
  await 0;
  console.log(name, 'resumed (microtask)');
  return name.toUpperCase();
}
const p = work('job');
console.log('work returned', p instanceof Promise);
p.then((v) => console.log('result', v));
console.log('end of script');
