// indexOf, lastIndexOf, includes, startsWith and endsWith.
const s = 'the cat sat on the mat';
console.log(s.indexOf('at'), s.indexOf('at', 6), s.indexOf('dog'));
console.log(s.lastIndexOf('at'), s.lastIndexOf('the'), s.lastIndexOf('at', 10));
console.log(s.includes('sat'), s.includes('Sat'), s.includes('cat', 10));
console.log(s.startsWith('the'), s.startsWith('cat', 4), s.endsWith('mat'), s.endsWith('sat', 11));
console.log(s.search(/s\w+/), 'aaa'.indexOf(''), 'aaa'.lastIndexOf(''));
