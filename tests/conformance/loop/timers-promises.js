// timers/promises: awaitable setTimeout and setImmediate that resolve with a value.
const tp = require('timers/promises');
(async () => {
  const v = await tp.setTimeout(10, 'timeout value');
  console.log(v);
  const w = await tp.setImmediate('immediate value');
  console.log(w);
  let n = 0;
  for await (const x of tp.setInterval(5, 'tick')) {
    console.log(x, ++n);
    if (n === 3) break;
  }
  console.log('done');
})();
