// Error objects: name, message, the first line of the stack, and instanceof.
const e = new Error('something failed');
console.log(e.name, '|', e.message);
console.log(e.stack.split('\n')[0]);
console.log(e instanceof Error, Object.prototype.toString.call(e));
console.log(String(e));
const t = new TypeError('bad type');
console.log(t.stack.split('\n')[0], t instanceof Error);
const r = new RangeError();
console.log(JSON.stringify(r.message), r.toString());
console.log(Object.keys(e), 'stack' in e);
