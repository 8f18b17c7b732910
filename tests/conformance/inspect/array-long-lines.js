// Arrays whose one-line form exceeds 72 characters break across lines.
console.log(['a fairly long string number one', 'another fairly long string', 'third']);
console.log([{ name: 'alpha', value: 1 }, { name: 'beta', value: 2 }, { name: 'gamma', value: 3 }]);
console.log([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
console.log(['x'.repeat(80)]);
console.log([1, 2, 'a string that is long enough to push things', 3, 4, 5, 6, 7]);
