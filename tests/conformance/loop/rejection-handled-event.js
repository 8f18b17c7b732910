// A rejection first reported as unhandled, then handled later, fires 'rejectionHandled'.
process.on('unhandledRejection', (r) => console.log('unhandled:', r.message));
process.on('rejectionHandled', (p) => console.log('rejectionHandled fired', p instanceof Promise));
const p = Promise.reject(new Error('handled late'));
setTimeout(() => {
  p.catch((e) => console.log('caught late:', e.message));
}, 10);
