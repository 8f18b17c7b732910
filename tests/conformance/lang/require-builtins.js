// require() returns built-in modules; the node: prefix works; modules are cached.
const path = require('path');
const util = require('node:util');
const events = require('events');
console.log(path.join('a', 'b', '..', 'c.txt'), path.extname('x.tar.gz'), path.basename('/a/b.js', '.js'));
console.log(typeof util.format, typeof events, events === require('node:events'));
console.log(require('os').EOL === '\n', typeof require('fs').readFileSync);
console.log(path.resolve('/root', 'x', '../y'), path.normalize('/a//b/../c/.'));
console.log(typeof module, typeof exports, module.exports === exports);
