// Errors nested in objects print their stack, which contains paths; but errors
// without a stack print as [name: message]-style brackets. We strip the stack.
const e = new Error('no stack here');
e.stack = undefined;
console.log({ err: e });
const t = new TypeError('bad');
delete t.stack;
t.stack = 'TypeError: bad';
console.log([t]);
const withProps = new RangeError('out of range');
withProps.stack = 'RangeError: out of range';
withProps.code = 'E_RANGE';
console.log(withProps);
