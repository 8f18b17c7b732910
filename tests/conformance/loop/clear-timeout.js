// clearTimeout cancels a pending timer, even from another timer callback.
const a = setTimeout(() => console.log('a never runs'), 10);
const b = setTimeout(() => console.log('b runs'), 100);
clearTimeout(a);
const c = setTimeout(() => console.log('c never runs (cleared by d)'), 200);
setTimeout(() => { console.log('d clears c'); clearTimeout(c); }, 5);
clearTimeout(undefined);
clearTimeout(12345);
console.log('cleared', typeof a, typeof b);
