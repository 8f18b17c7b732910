// Timers fire in order of their due time, not creation order.
// (Delays are far apart: each timer's start time is read when it is created.)
setTimeout(() => console.log('300ms'), 300);
setTimeout(() => console.log('100ms'), 100);
setTimeout(() => console.log('200ms'), 200);
setTimeout(() => console.log('0ms'), 0);
