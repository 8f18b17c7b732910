// A syntax error anywhere in the file stops it before any line runs (exit code 1).
console.log('this line is never printed');
const x = ;
