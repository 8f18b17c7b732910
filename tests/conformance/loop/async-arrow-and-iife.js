// Async arrow functions and async IIFEs are scheduled like any async function.
const f = async (x) => x * 2;
(async () => {
  console.log('iife start');
  console.log('f(21) =', await f(21));
})();
f(1).then((v) => console.log('f(1) =', v));
console.log('sync end');
