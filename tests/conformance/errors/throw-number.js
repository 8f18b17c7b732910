// Throwing a non-Error value: node prints the value itself.
console.log('throwing 42');
throw 42;
