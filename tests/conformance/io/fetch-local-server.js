// fetch() against a server the program started: the headers Node's fetch
// sends, methods and bodies, redirects, reading a body twice, Headers and
// Response on their own, and a tick queued before the first response.
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/old') {
    res.writeHead(302, { location: '/new' });
    return res.end();
  }
  const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 || req.rawHeaders[i - 1] !== 'host');
  console.log('server:', req.method, req.url, raw.join('|'));
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-served': 'yes' });
    res.end(JSON.stringify({ method: req.method, body }));
  });
});

server.listen(0, async () => {
  const base = `http://localhost:${server.address().port}`;
  process.nextTick(() => console.log('tick before the first response'));

  const r1 = await fetch(base + '/items?page=2');
  console.log(r1.status, r1.statusText, r1.ok, r1.redirected, r1.type, r1.url === base + '/items?page=2');
  console.log([...r1.headers.keys()].filter((k) => k !== 'date'), r1.headers.get('X-Served'));
  console.log(await r1.json(), r1.bodyUsed);
  try { await r1.text(); } catch (e) { console.log(e.name + ': ' + e.message); }

  const r2 = await fetch(base + '/missing', {
    method: 'post',
    body: JSON.stringify({ a: 1 }),
    headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
  });
  console.log(r2.status, r2.ok, await r2.text());

  const r3 = await fetch(base + '/form', { method: 'PUT', body: new URLSearchParams({ q: 'a b', n: '1' }) });
  console.log((await r3.json()).body);

  const r4 = await fetch(base + '/old');
  console.log(r4.status, r4.redirected, r4.url === base + '/new');
  await r4.arrayBuffer().then((ab) => console.log(ab instanceof ArrayBuffer, ab.byteLength));

  for (const bad of [() => fetch(base + '/g', { body: 'x' }), () => fetch('nonsense'), () => fetch('gopher://x/')]) {
    try { await bad(); } catch (e) { console.log(e.name + ': ' + e.message); }
  }

  const headers = new Headers([['B', '2'], ['a', '1']]);
  headers.append('a', '3');
  headers.delete('b');
  headers.set('C', ' spaced ');
  console.log([...headers], headers.get('missing'), String(headers));
  const made = Response.json({ made: true }, { status: 201 });
  console.log(made.status, made.ok, made.type, made.headers.get('content-type'), await made.text());
  console.log(await new Response(null).text() === '', new Request(base + '/x', { method: 'delete' }).method);
  server.close(() => console.log('server closed'));
});
