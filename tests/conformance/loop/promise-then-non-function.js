// Non-function arguments to then are ignored and values pass through.
Promise.resolve('kept').then(null).then(undefined, 5).then((v) => console.log(v));
Promise.reject(new Error('passes through')).then('not a function').catch((e) => console.log(e.message));
Promise.resolve(1).then(2).then(Promise.resolve(3)).then((v) => console.log('still', v));
