// Resolving from a timer inside an executor: then callbacks wait for it.
const p = new Promise((resolve) => {
  console.log('executor');
  setTimeout(() => {
    console.log('timer resolves');
    resolve('done');
    console.log('after resolve call (still sync)');
  }, 5);
});
p.then((v) => console.log('then', v));
console.log('end of script');
