const ac = new AbortController();
ac.signal.addEventListener('abort', (ev) => console.log('listener 1', ev.type));
ac.signal.onabort = () => console.log('onabort');
ac.signal.addEventListener('abort', () => console.log('listener 2'), { once: true });
ac.abort();
console.log(ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason instanceof Error);
const ac2 = new AbortController();
ac2.signal.onabort = () => console.log('onabort 2');
ac2.signal.addEventListener('abort', () => console.log('listener after onabort'));
ac2.abort(new Error('custom'));
console.log(ac2.signal.reason.message);
ac2.abort('again'); console.log(ac2.signal.reason.message);
const t = AbortSignal.timeout(20);
t.addEventListener('abort', () => console.log('timeout aborted', t.reason.name, t.reason.message));
const keep = setTimeout(() => console.log('kept alive'), 40);
const any = AbortSignal.any([new AbortController().signal, t]);
any.onabort = () => console.log('any aborted', any.reason.name);
try { AbortSignal.abort().throwIfAborted(); } catch (e) { console.log('throwIfAborted', e.name); }
