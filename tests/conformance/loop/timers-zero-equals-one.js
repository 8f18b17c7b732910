// setTimeout(fn, 0) is really 1 ms, so 0 and 1 ms timers run in creation order.
setTimeout(() => console.log('1ms A'), 1);
setTimeout(() => console.log('0ms B'), 0);
setTimeout(() => console.log('1ms C'), 1);
setTimeout(() => console.log('-5ms D (clamped to 1)'), -5);
setTimeout(() => console.log('NaN E (clamped to 1)'), NaN);
