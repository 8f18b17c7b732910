// Inside arrays and objects strings are quoted: single quotes, or double/backtick to avoid escaping.
console.log(['plain', "it's", 'say "hi"', `both ' and "`, 'all \' " `']);
console.log({ s: 'line1\nline2', tab: 'a\tb', back: 'c:\\dir', uni: 'é👋' });
console.log(['\x00\x1b', '\u007f', 'ok']);
console.log([''], { empty: '' });
