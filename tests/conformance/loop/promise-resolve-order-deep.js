// Interleaving of two promise chains proceeds one step each per turn.
const a = Promise.resolve();
a.then(() => console.log('A1')).then(() => console.log('A2')).then(() => console.log('A3'));
const b = Promise.resolve();
b.then(() => console.log('B1')).then(() => console.log('B2')).then(() => console.log('B3'));
