// Resolving with a thenable calls its then() in a later microtask.
const thenable = { then(res) { console.log('thenable.then runs'); res('from thenable'); } };
Promise.resolve(thenable).then((v) => console.log(v));
Promise.resolve().then(() => console.log('plain job 1')).then(() => console.log('plain job 2'));
console.log('Promise.resolve(promise) returns it:', Promise.resolve(inner()) instanceof Promise);
function inner() { return Promise.resolve(); }
