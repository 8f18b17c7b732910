// Objects whose one-line form exceeds the width break with one property per line.
const o = {
  name: 'a reasonably long name value',
  description: 'and a description that is long too',
  count: 12345,
};
console.log(o);
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15 });
console.log({ text: 'x'.repeat(100) });
console.log({ nested: { list: [1, 2, 3], more: { deeper: 'value that makes the line quite long indeed' } } });
