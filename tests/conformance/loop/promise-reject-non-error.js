// Rejecting with non-Error values: the handler receives the raw value.
Promise.reject(42).catch((v) => console.log('number:', v));
Promise.reject({ code: 'E1' }).catch((v) => console.log('object:', v));
Promise.reject(undefined).catch((v) => console.log('undefined:', v));
new Promise((_, rej) => rej('string')).then(null, (v) => console.log('string:', v));
