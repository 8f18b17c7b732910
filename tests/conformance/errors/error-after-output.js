// Output written before a crash in a nested function is kept.
function level2() { return undefinedFunction(); }
function level1() { return level2(); }
for (let i = 0; i < 3; i++) console.log('line', i);
level1();
