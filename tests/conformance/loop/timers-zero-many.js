// Many zero-delay timers all run in creation order in a single timers phase.
const order = [];
for (let i = 0; i < 20; i++) setTimeout(() => order.push(i), 0);
setTimeout(() => console.log(order.join(',')), 1);
