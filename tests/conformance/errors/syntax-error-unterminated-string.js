// An unterminated string literal.
const greeting = 'hello;
console.log(greeting);
