// console.error and console.warn write to stderr; stdout only has these markers.
console.log('marker: before console.error');
console.error('this goes to stderr', { a: 1 });
console.warn('so does console.warn');
console.log('marker: after console.error');
console.info('console.info goes to stdout');
console.debug('console.debug goes to stdout too');
