const util = require('util');
const timers = require('timers');
const timersPromises = require('timers/promises');
console.log(timers.setTimeout === setTimeout, timers.setImmediate === setImmediate, timers.clearInterval === clearInterval);
console.log(timers.promises === timersPromises, require('node:timers/promises') === timersPromises);
console.log(util.promisify(setTimeout) === timersPromises.setTimeout);
console.log(util.promisify(setImmediate) === timersPromises.setImmediate);
util.promisify(setTimeout)(5, 'value').then((v) => console.log('promisified setTimeout', v));
util.promisify(setImmediate)('imm').then((v) => console.log('promisified setImmediate', v));
