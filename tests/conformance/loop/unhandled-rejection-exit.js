// An unhandled rejection crashes the process with exit code 1 after the microtasks drain.
console.log('start');
Promise.reject(new Error('nobody handles me'));
process.nextTick(() => console.log('nextTick still runs'));
Promise.resolve().then(() => console.log('promise jobs still run'));
setTimeout(() => console.log('timers never run'), 0);
