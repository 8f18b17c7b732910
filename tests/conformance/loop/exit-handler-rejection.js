// A promise rejected by an 'exit' listener's microtask is still reported.
process.on('exit', (c) => {
  console.log('exit', c);
  Promise.resolve().then(() => { console.log('p1'); throw new Error('in exit microtask'); });
});
setTimeout(() => console.log('timer'), 1);
