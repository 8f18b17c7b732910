// AbortController signals: listeners run synchronously on abort.
const ac = new AbortController();
ac.signal.addEventListener('abort', () => console.log('abort listener, reason:', ac.signal.reason));
console.log('aborted?', ac.signal.aborted);
setTimeout(() => {
  ac.abort('stop');
  console.log('aborted?', ac.signal.aborted);
}, 5);
