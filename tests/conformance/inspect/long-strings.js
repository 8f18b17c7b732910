// Long strings inside objects are kept whole; strings with newlines may be split into concatenations.
console.log({ long: 'lorem ipsum dolor sit amet '.repeat(4) });
console.log({ para: 'first line\nsecond line\nthird line that is long enough to wrap the output' });
console.log(['short', 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod']);
