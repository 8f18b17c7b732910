// Regex-based replace (with groups and functions) and split.
console.log('2024-03-15'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'));
console.log('hello world'.replace(/\b\w/g, (c) => c.toUpperCase()));
console.log('a1b2c3'.split(/\d/), 'a, b;c  d'.split(/[,;\s]+/), 'a1b2'.split(/(\d)/));
console.log('camelCaseString'.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()));
console.log('  x  '.replace(/^\s+|\s+$/g, ''), 'aaa'.replace(/a*?/g, '-'));
console.log('x'.replace(/(?<letter>x)/, '[$<letter>]'), 'tel: 555-1234'.replace(/\D/g, ''));
