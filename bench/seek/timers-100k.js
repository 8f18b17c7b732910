// 100,000 pending timers with scattered due times, each firing callback
// arming a new one at another scattered time: the timers heap stays near
// 100,000 entries and every re-arm lands in its middle.
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
let fired = 0;
function fire() {
  fired++;
  if (fired <= 40000) setTimeout(fire, 1 + (next() % 5000));
  else if (fired === 140000) console.log('timers fired', fired);
}
for (let i = 0; i < 100000; i++) setTimeout(fire, 1 + (next() % 5000));
