// os.cpus() and os.availableParallelism() agree on the machine's core count.
const os = require('os');
const cpus = os.cpus();
console.log('agree:', cpus.length === os.availableParallelism());
console.log('at least one:', cpus.length >= 1);
console.log('shape:', cpus.every((c) => typeof c.model === 'string' && typeof c.speed === 'number' &&
  ['user', 'nice', 'sys', 'idle', 'irq'].every((k) => typeof c.times[k] === 'number')));
