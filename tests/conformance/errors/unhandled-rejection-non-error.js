// Rejecting with a non-Error value: node wraps it in ERR_UNHANDLED_REJECTION.
Promise.reject(42);
