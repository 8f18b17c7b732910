// console.log joins multiple arguments with spaces, each inspected separately.
console.log('name:', 'ada', 'age:', 36);
console.log({ a: 1 }, [2], 'three', 4);
console.log('string first', { nested: 'quoted here' }, 'raw again');
console.log(null, undefined, '', 'end');
console.log('multi\nline', { k: 'multi\nline' });
