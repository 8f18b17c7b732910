// Rejecting with a plain object.
Promise.reject({ reason: 'object reason', n: 1 });
