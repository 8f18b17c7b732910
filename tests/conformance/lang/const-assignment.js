// Assigning to a const binding throws a TypeError; the object it points to can
// still be mutated.
const obj = { a: 1 };
obj.a = 2;
console.log(obj.a);
try {
  obj = {};
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
for (const k of ['a', 'b']) console.log(k);
