// A 0ms timer created inside a timer callback is due 1ms after that callback,
// so it runs after every timer that was already in the list.
setTimeout(() => {
  console.log('timer A');
  setTimeout(() => console.log('timer C (created by A)'), 0);
}, 0);
setTimeout(() => console.log('timer B'), 0);
setTimeout(() => console.log('timer D (1ms, same list as 0ms)'), 1);
