// Extra nextTick/setImmediate/setTimeout/setInterval arguments are passed to the callback.
process.nextTick((a) => {
  console.log('nextTick arg', a);
  setImmediate((...args) => {
    console.log('immediate args', args);
    setTimeout((x, y) => {
      console.log('timeout args', x, y);
      setInterval(function (v) { console.log('interval arg', v); clearInterval(this); }, 1, 'iv');
    }, 1, 'x', 42);
  }, 1, 2, 3);
}, 'tickArg');
