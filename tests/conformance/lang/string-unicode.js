// Strings are UTF-16: length counts code units; iteration yields code points.
const s = 'héllo 👋';
console.log(s.length, [...s].length, Array.from(s).slice(-1)[0]);
console.log(s.charCodeAt(6), s.codePointAt(6), s.codePointAt(6).toString(16));
console.log('\u00e9' === 'é', 'e\u0301'.normalize('NFC') === 'é', '\u{1F600}'.length);
console.log('abc' < 'abd', 'B' < 'a', 'a'.localeCompare('b'), '10' < '9');
console.log(encodeURIComponent('a b&c=d/é'), decodeURIComponent('%F0%9F%91%8B'));
