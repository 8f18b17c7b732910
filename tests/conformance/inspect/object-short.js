// Small objects print on one line with unquoted identifier keys.
console.log({});
console.log({ a: 1, b: 'two', c: [3], d: { e: null } });
console.log({ undef: undefined, nul: null, fn: 5 });
console.log({ 'a-b': 1, 'with space': 2, valid_id: 3, $dollar: 4, '1abc': 5, '': 6 });
console.log({ 1: 'one', 2: 'two', '-1': 'neg', 1.5: 'frac' });
