// A ReferenceError from an undeclared variable, uncaught.
function compute() {
  return total * 2;
}
compute();
