// A call stack 9,000 frames deep while most of the trace's steps run: every
// seek into the loop below rebuilds a state with 9,000 frames.
let total = 0;
function dive(depth) {
  if (depth === 0) {
    for (let i = 0; i < 450000; i++) total += i % 7;
    return 0;
  }
  return dive(depth - 1) + 1;
}
console.log('depth', dive(9000), 'total', total);
