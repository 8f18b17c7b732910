// Boxed primitives, arguments objects, global-ish objects.
console.log([new Number(3), new String('abc'), new Boolean(false)]);
(function () { console.log(arguments); })(1, 'two');
console.log(Object(Symbol('boxed')), Object(1n));
console.log([Math.PI, Number.EPSILON]);
console.log(JSON, Math);
