// Default parameters are evaluated at call time, left to right, only for undefined.
function greet(name = 'world', greeting = `hello ${name}`) {
  return greeting + '!';
}
console.log(greet());
console.log(greet('ada'));
console.log(greet(undefined, 'hi'));
console.log(greet(null));
let calls = 0;
function stamp(n = ++calls) { return n; }
console.log(stamp(), stamp(), stamp(7), calls);
console.log(greet.length);
