// finally callbacks take extra microtask turns compared with then.
Promise.resolve('a').finally(() => console.log('finally a')).then((v) => console.log('then after finally', v));
Promise.resolve('b').then(() => console.log('then b1')).then(() => console.log('then b2')).then(() => console.log('then b3'));
