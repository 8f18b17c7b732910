// A connection refused with no 'error' listener on the socket: the error
// arrives from the poll phase, after the main script and its ticks.
const net = require('net');
const socket = net.connect(47914, '127.0.0.1'); // a fixed port where nothing listens
process.nextTick(() => console.log('tick after connect(): still connecting =', socket.connecting));
setImmediate(() => console.log('immediate: the refusal has not arrived yet'));
