// Functions are objects: name, length, toString, properties and recursion by name.
function add(a, b = 1, ...rest) { return a + b; }
console.log(add.name, add.length);
add.calls = 0;
console.log(Object.keys(add));
const anon = function () {};
const named = function inner() { return typeof inner; };
console.log(anon.name, named.name, named(), typeof inner);
console.log(add.toString().split('\n')[0]);
console.log((function () {}).constructor === Function, typeof Function.prototype);
