// printf-style placeholders in the first argument: %s %d %i %f %j %o %O %c %%.
console.log('%s is %d years', 'ada', 36);
console.log('%i and %f', 42.9, '3.5');
console.log('%d of %s', '12px', { a: 1 });
console.log('%j', { json: [1, 2] });
console.log('%o', { a: [1, 2], b: 'x' });
console.log('%O', { a: { b: { c: { d: 1 } } } });
console.log('100%% sure, %s', 'yes', 'extra', 3);
console.log('%s %s', 'only one');
console.log('%c styled', 'color: red');
console.log('%s', Symbol('s'), '%d', 1n);
console.log('%s|%s|%s', null, undefined, -0);
console.log('%s', [1, [2, [3]]], '%s');
console.log(5, '%s', 'not a format because first arg is not a string');
