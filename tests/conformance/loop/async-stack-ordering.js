// Several async functions awaiting each other resolve inner-first.
async function level3() { console.log('level3 start'); await null; console.log('level3 end'); return 3; }
async function level2() { console.log('level2 start'); const v = await level3(); console.log('level2 end'); return v + 2; }
async function level1() { console.log('level1 start'); const v = await level2(); console.log('level1 end', v + 1); }
level1();
console.log('sync end');
