// Timers created inside a timer callback are scheduled relative to that callback's time,
// and ordered among themselves by their delays.
setTimeout(() => {
  console.log('outer (10ms)');
  setTimeout(() => console.log('inner 50ms'), 50);
  setTimeout(() => console.log('inner 0ms'), 0);
  setTimeout(() => {
    console.log('inner 5ms');
    setTimeout(() => console.log('nested again, 0ms after inner 5ms'), 0);
  }, 5);
}, 10);
setTimeout(() => console.log('top-level 500ms timer runs long after'), 500);
