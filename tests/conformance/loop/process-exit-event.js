// 'exit' listeners run synchronously at the end; async work scheduled there never runs.
process.on('exit', (code) => {
  console.log('exit event, code', code);
  setTimeout(() => console.log('never runs'), 0);
  process.nextTick(() => console.log('never runs either'));
});
console.log('main done');
setTimeout(() => console.log('last timer'), 5);
