async function f() { throw new Error('unhandled async'); }
process.on('exit', (c) => console.log('exit', c));
setTimeout(() => console.log('never: process dies first'), 10);
f();
console.log('sync');
