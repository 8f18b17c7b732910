// A long timer callback delays the next one; both still run in order.
const t0 = Date.now();
setTimeout(() => {
  console.log('first timer busy-waits 30ms');
  const s = Date.now();
  while (Date.now() - s < 30) {}
}, 10);
setTimeout(() => {
  console.log('second timer (also 10ms); elapsed >= 35:', Date.now() - t0 >= 35);
}, 10);
