// util.format applies the same placeholders as console.log.
const util = require('util');
console.log(util.format('%s:%d:%i', 'a', 1.5, 2.7));
console.log(util.format('%j', { a: [1] }), util.format('%o', [1]));
console.log(util.format('no placeholders', 1, { a: 1 }, 'x'));
console.log(util.format('%s', { deep: { deeper: { deepest: 1 } } }));
console.log(util.format('%%s %s', 'literal'));
console.log(JSON.stringify(util.format('%s', 'a\nb')), util.format(1, 2, '3'));
