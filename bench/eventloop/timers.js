// 20k timers with 100 distinct delays: lists, the priority queue, 100 expiries.
let fired = 0;
for (let i = 0; i < 20000; i++) {
  setTimeout(() => {
    if (++fired === 20000) console.log('timers', fired);
  }, i % 100);
}
