// Bitwise and shift operators work on 32-bit integers; >>> is unsigned.
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5);
console.log(1 << 4, -16 >> 2, -16 >>> 28, 1 << 31, (1 << 31) >>> 0);
console.log(2 ** 32 | 0, (2 ** 32 + 5) | 0, 3.9 | 0, -3.9 | 0);
console.log((255).toString(2), 0b1010, 0o17, 0xff);
let flags = 0;
flags |= 4;
flags ^= 1;
flags &= ~4;
flags <<= 3;
console.log(flags);
