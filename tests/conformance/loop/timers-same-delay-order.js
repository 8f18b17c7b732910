// Timers with equal delays run in creation order (they share one list).
for (const name of ['a', 'b', 'c', 'd']) setTimeout(() => console.log('timer', name), 100);
setTimeout(() => console.log('timer 0ms runs first'), 0);
