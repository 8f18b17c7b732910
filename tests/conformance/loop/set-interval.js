// setInterval repeats until clearInterval; here it stops itself after 3 runs.
let n = 0;
const id = setInterval(() => {
  n++;
  console.log('interval run', n);
  if (n === 3) {
    clearInterval(id);
    console.log('cleared');
  }
}, 5);
