// await inside a for loop pauses each iteration in turn.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  for (const ms of [15, 5, 10]) {
    const v = await sleep(ms, ms);
    console.log('slept', v);
  }
  const all = await Promise.all([15, 5, 10].map((ms) => sleep(ms, ms)));
  console.log('parallel results keep order', all);
})();
