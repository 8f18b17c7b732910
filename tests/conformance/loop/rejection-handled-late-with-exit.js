process.on('unhandledRejection', (r, p) => { console.log('unhandledRejection', r.message); });
process.on('rejectionHandled', (p) => { console.log('rejectionHandled'); });
const p = Promise.reject(new Error('late'));
setTimeout(() => {
  console.log('attaching catch');
  p.catch(e => console.log('caught', e.message));
}, 10);
const q = Promise.reject(new Error('quick'));
process.nextTick(() => q.catch(() => console.log('quick caught in tick')));
Promise.resolve().then(() => { throw new Error('in then'); });
process.on('exit', c => console.log('exit', c));
