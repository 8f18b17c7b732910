// `var` declarations are hoisted to the top of their function with the value
// undefined; function declarations are hoisted together with their body.
console.log(typeof hoistedFn, hoistedFn());
console.log(v);
var v = 5;
console.log(v);
function hoistedFn() {
  return 'called before its declaration';
}
function scope() {
  if (false) { var inner = 1; }
  return inner;
}
console.log(scope());
