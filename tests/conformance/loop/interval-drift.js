// An interval is rescheduled from when its callback ran, so three 10ms runs take at least ~30ms.
let n = 0;
const t0 = Date.now();
const iv = setInterval(() => {
  if (++n === 3) {
    clearInterval(iv);
    console.log('three runs took >= 25ms:', Date.now() - t0 >= 25);
  }
}, 10);
