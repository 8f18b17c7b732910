// An error thrown inside a timer callback crashes the process from the event loop.
console.log('scheduling');
setTimeout(function onTimer() {
  console.log('timer fires');
  throw new Error('failure inside a timer');
}, 5);
