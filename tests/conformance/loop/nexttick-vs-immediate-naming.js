// Despite the names, nextTick runs before setImmediate.
setImmediate(() => console.log('setImmediate'));
process.nextTick(() => console.log('process.nextTick'));
console.log('sync');
