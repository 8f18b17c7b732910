// Objects without a prototype print as [Object: null prototype].
const bare = Object.create(null);
console.log(bare);
bare.key = 'value';
console.log(bare);
console.log({ inner: Object.assign(Object.create(null), { x: 1 }) });
console.log(Object.create(null, { hidden: { value: 1 }, shown: { value: 2, enumerable: true } }));
