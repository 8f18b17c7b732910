// Reports its identity and environment, then lets the parent decide.
process.send({
  pidIsNumber: typeof process.pid === 'number',
  ppid: process.ppid,
  env: Object.keys(process.env).sort(),
  greeting: process.env.GREETING,
});
process.on('message', (m) => {
  if (m === 'bye') process.disconnect();
});
