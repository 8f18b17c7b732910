// Case conversion, trimming, padding, repeat, split and join.
const raw = '  Hello, World  ';
console.log(JSON.stringify(raw.trim()), JSON.stringify(raw.trimStart()), JSON.stringify(raw.trimEnd()));
console.log(raw.toUpperCase(), raw.toLowerCase());
console.log('5'.padStart(3, '0'), 'ab'.padEnd(6, '12'), 'long'.padStart(2), '-'.repeat(10));
console.log('a,b,,c'.split(','), 'abc'.split(''), 'a b c'.split(' ', 2), 'abc'.split());
console.log(['x', 'y', 'z'].join('-'), 'one two'.split(' ').reverse().join(' '));
console.log('ß'.toUpperCase(), 'İ'.toLowerCase().length, 'straße'.length);
