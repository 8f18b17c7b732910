// clearImmediate cancels a queued immediate, even one queued in the same phase.
const a = setImmediate(() => console.log('a never runs'));
let c;
setImmediate(() => { console.log('b clears c'); clearImmediate(c); });
c = setImmediate(() => console.log('c never runs'));
setImmediate(() => console.log('d runs'));
clearImmediate(a);
