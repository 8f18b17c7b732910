const fs = require('fs');
console.log('start');
fs.readFile(__filename, () => {
  console.log('readFile cb');
  setImmediate(() => console.log('immediate in readFile'));
  setTimeout(() => {
    console.log('timeout in readFile');
    fs.stat(__filename, (err, st) => {
      console.log('stat cb', st.isFile());
      process.nextTick(() => console.log('tick in stat'));
      setImmediate(() => console.log('immediate in stat'));
      Promise.resolve().then(() => console.log('promise in stat'));
    });
  });
  process.nextTick(() => console.log('tick in readFile'));
  Promise.resolve().then(() => console.log('promise in readFile'));
  queueMicrotask(() => console.log('qm in readFile'));
});
setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => console.log('tick in immediate 1'));
  Promise.resolve().then(() => console.log('promise in immediate 1'));
});
setImmediate(() => console.log('immediate 2'));
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick from promise'));
}).then(() => console.log('promise 2'));
console.log('end');
