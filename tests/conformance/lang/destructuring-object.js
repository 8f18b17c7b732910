// Object destructuring: renaming, defaults, nesting, and rest.
const user = { id: 7, name: 'ada', address: { city: 'London', zip: 'N1' }, tags: ['x', 'y'] };
const { name, id: userId, role = 'guest', address: { city }, tags: [firstTag], ...others } = user;
console.log(name, userId, role, city, firstTag);
console.log(others);
const { missing: { deep } = { deep: 'default deep' } } = user;
console.log(deep);
try {
  const { nope: { inner } } = user;
  console.log(inner);
} catch (e) {
  console.log(e.constructor.name);
}
