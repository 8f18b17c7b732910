// `let` is block-scoped and can shadow an outer binding; `var` ignores blocks.
let a = 'outer';
{
  let a = 'inner';
  console.log(a);
}
console.log(a);
for (var i = 0; i < 3; i++) {}
console.log('var i after loop:', i);
try {
  for (let j = 0; j < 3; j++) {}
  console.log(j);
} catch (e) {
  console.log(e.message);
}
