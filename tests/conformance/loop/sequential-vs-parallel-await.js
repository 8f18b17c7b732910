// Awaiting in sequence adds delays up; Promise.all runs them concurrently.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  let t = Date.now();
  await sleep(20);
  await sleep(20);
  console.log('sequential >= 35ms:', Date.now() - t >= 35);
  t = Date.now();
  await Promise.all([sleep(20), sleep(20), sleep(20)]);
  const d = Date.now() - t;
  console.log('parallel >= 15ms:', d >= 15);
})();
