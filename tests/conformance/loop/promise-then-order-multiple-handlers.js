// Multiple .then handlers on one promise run in registration order.
const p = Promise.resolve('v');
p.then(() => console.log('handler 1'));
p.then(() => console.log('handler 2'));
p.then(() => { console.log('handler 3'); return Promise.resolve(); }).then(() => console.log('chained after 3'));
p.then(() => console.log('handler 4'));
