// Arrays longer than 100 items show only the first 100 and "... N more items".
console.log(Array.from({ length: 101 }, (_, i) => i));
console.log(Array.from({ length: 105 }, () => 0));
console.log(new Array(150).fill('ab'));
