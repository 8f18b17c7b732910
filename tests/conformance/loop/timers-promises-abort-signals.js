const { setTimeout: st, setImmediate: si, setInterval: siv } = require('timers/promises');
(async () => {
  console.log('a', await st(10, 'ten'));
  console.log('b', await si('imm'));
  let i = 0;
  for await (const v of siv(5, 'iv')) {
    console.log('iter', v, ++i);
    if (i === 3) break;
  }
  const ac = new AbortController();
  const p = st(100, 'x', { signal: ac.signal });
  setTimeout(() => ac.abort(), 5);
  try { await p; } catch (e) { console.log('aborted', e.name, e.code, e.message); }
  try { await st(1, 'y', { signal: AbortSignal.abort('why') }); } catch (e) { console.log('pre-aborted', e.name, e.cause); }
  ac.signal.addEventListener('abort', () => console.log('never'));
  const ac2 = new AbortController();
  ac2.signal.addEventListener('abort', (ev) => console.log('abort event', ev.type, ac2.signal.reason));
  ac2.signal.onabort = () => console.log('onabort');
  ac2.abort('reason!');
  console.log(ac2.signal.aborted);
  const ts = AbortSignal.timeout(10);
  ts.addEventListener('abort', () => console.log('timeout signal', ts.reason.name));
})();
