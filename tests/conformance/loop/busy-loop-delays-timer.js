// A synchronous busy loop blocks the event loop, so a timer fires late.
const t0 = Date.now();
setTimeout(() => {
  const late = Date.now() - t0;
  console.log('timer fired; late >= 50:', late >= 50);
}, 10);
while (Date.now() - t0 < 50) {}
console.log('busy loop done');
