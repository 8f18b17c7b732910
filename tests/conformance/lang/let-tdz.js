// `let` and `const` are hoisted too, but reading them before their declaration
// throws a ReferenceError: the "temporal dead zone".
try {
  console.log(x);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
let x = 1;
console.log(x);
function f() {
  try {
    return typeof y;
  } catch (e) {
    return 'TDZ even for typeof: ' + e.constructor.name;
  }
  const y = 2; // eslint-disable-line no-unreachable
}
console.log(f());
