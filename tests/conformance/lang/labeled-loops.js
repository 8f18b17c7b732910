// Labeled break and continue jump out of / continue outer loops.
const found = [];
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    found.push(`${i}${j}`);
  }
}
console.log(found.join(' '));
block: {
  console.log('in block');
  if (found.length) break block;
  console.log('never printed');
}
console.log('after block');
