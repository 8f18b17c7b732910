// finally always runs; a return inside finally overrides the try's return or throw.
function f1() {
  try { return 'try'; } finally { console.log('finally runs'); }
}
function f2() {
  try { return 'try'; } finally { return 'finally'; } // eslint-disable-line no-unsafe-finally
}
function f3() {
  try { throw new Error('lost'); } finally { return 'swallowed'; } // eslint-disable-line no-unsafe-finally
}
function f4() {
  let x = 1;
  try { return x; } finally { x = 2; }
}
console.log(f1());
console.log(f2());
console.log(f3());
console.log(f4());
