// The WHATWG URL parser: normalisation, default ports, dot segments,
// percent-encoding, credentials, IPv4 shorthand and relative references.
const inputs = [
  'http://EXAMPLE.com:80/a/./b/../c d?x=1 2#f g',
  'https://user:p%40ss@host.io:8443/path/to/../file.txt?q=a&q=b#frag',
  'http://127.1:3000/',
  'http://0x7f.0.0.1/x',
  'HTTP://localhost:3000',
  'ws://chat.example.com:80/socket',
  'file:///tmp/a b/c.txt',
  'mailto:someone@example.com?subject=hi',
  'data:text/plain,hello world',
  'http://example.com/%7Euser/caf\u00e9',
  'http://[::1]:8080/ipv6',
];
for (const input of inputs) {
  const u = new URL(input);
  console.log(u.href, '|', u.origin, '|', u.host, '|', u.port, '|', u.pathname, '|', u.search, '|', u.hash);
}
const base = 'https://h.com/a/b/c?q=1#top';
for (const rel of ['../x?y#z', 'd', './e/', '/root', '//other.org/p', '?only', '#only', '', 'g;x', '../../../../up']) {
  console.log(JSON.stringify(rel), '->', new URL(rel, base).href);
}
for (const bad of ['nope', 'http://', 'http://exa mple.com', 'http://host:99999', '//x']) {
  try {
    new URL(bad);
    console.log('parsed', bad);
  } catch (e) {
    console.log(e.name, e.code, e.message, JSON.stringify(e.input));
  }
}
console.log(URL.canParse('https://x.y'), URL.canParse('x'), URL.canParse('x', 'https://b.c'));
console.log(new URL('http://a.b/c?d=1#e'));
console.log(JSON.stringify({ u: new URL('http://a.b') }), String(new URL('http://a.b/%zz')));
