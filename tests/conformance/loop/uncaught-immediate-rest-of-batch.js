process.on('uncaughtException', (e) => console.log('caught', e.message));
setImmediate(() => { process.nextTick(() => console.log('tick in im1')); Promise.resolve().then(() => console.log('promise in im1')); throw new Error('im1'); });
setImmediate(() => { console.log('im2'); process.nextTick(() => console.log('tick in im2')); });
setImmediate(() => { console.log('im3'); setImmediate(() => console.log('im4 next iteration')); });
