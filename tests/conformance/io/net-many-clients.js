// Three clients one after another; the server numbers its connections and
// answers each with its number.
const net = require('net');
let count = 0;
const server = net.createServer((s) => {
  const n = ++count;
  s.setEncoding('utf8');
  s.on('data', (d) => s.end(`#${n} ${d.trim()}`));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const ask = (name) => new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write(name + '\n'));
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('close', () => resolve(got));
  });
  (async () => {
    for (const name of ['ann', 'bob', 'cy']) console.log(await ask(name));
    server.getConnections((err, n) => {
      console.log('open connections:', err, n);
      server.close(() => console.log('done after', count, 'connections'));
    });
  })();
});
