// find, findIndex, findLast, findLastIndex, some, every and forEach.
const people = [
  { name: 'ann', age: 31 }, { name: 'bob', age: 17 }, { name: 'cat', age: 45 }, { name: 'dan', age: 16 },
];
console.log(people.find((p) => p.age > 40).name, people.find((p) => p.age > 99));
console.log(people.findIndex((p) => p.age < 18), people.findLast((p) => p.age < 18).name);
console.log(people.findLastIndex((p) => p.age > 30), people.findIndex(() => false));
console.log(people.some((p) => p.age < 18), people.every((p) => p.age > 10), [].every(() => false));
people.forEach((p, i, arr) => console.log(i, p.name, arr.length));
