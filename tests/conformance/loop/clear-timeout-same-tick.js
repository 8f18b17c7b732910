// A timer cleared by an earlier timer in the same expiry list does not run.
let second;
setTimeout(() => {
  console.log('first clears second');
  clearTimeout(second);
}, 5);
second = setTimeout(() => console.log('second never runs'), 5);
setTimeout(() => console.log('third runs'), 5);
