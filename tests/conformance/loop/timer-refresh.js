// timeout.refresh() restarts the timer's countdown without creating a new timer.
const start = Date.now();
const t = setTimeout(() => {
  console.log('fired after refresh, late enough:', Date.now() - start >= 65);
}, 60);
setTimeout(() => {
  console.log('refreshing at ~10ms');
  t.refresh();
}, 10);
setTimeout(() => console.log('40ms timer runs before the refreshed one'), 40);
