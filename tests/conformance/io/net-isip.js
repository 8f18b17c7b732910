// net.isIP / isIPv4 / isIPv6 classify address strings.
const net = require('net');
for (const a of ['127.0.0.1', '0.0.0.0', '256.1.1.1', '::1', '::', 'fe80::1', '2001:db8::ff00:42:8329', 'localhost', '', '1.2.3']) {
  console.log(JSON.stringify(a), net.isIP(a), net.isIPv4(a), net.isIPv6(a));
}
