// A syntax error is reported before any code runs.
console.log('never printed');
function broken( {
  return 1;
}
