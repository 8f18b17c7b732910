const s = 'The quick brown fox jumps over the lazy dog';
console.log(s.padStart(50, '*'), '|' + 'abc'.padEnd(6, '12') + '|', 'x'.padStart(0), '5'.padStart(3, '0'));
console.log(s.replaceAll('o', '0'), s.replace(/(\w+) (\w+)/, '$2 $1'), 'aaa'.replaceAll('a', '$&$&'));
console.log(s.split(' ', 3), s.split(/\s+/).length, 'a1b2c3'.split(/\d/), 'a1b2c3'.split(/(\d)/), ''.split(''), 'abc'.split(''));
console.log(s.at(-1), s.at(0), s.charAt(100), s.charCodeAt(1), s.codePointAt(0), s.indexOf('o', 15), s.lastIndexOf('o'));
console.log(['é', 'e', 'z', 'a', 'É'].sort(), ['é', 'e', 'z', 'a', 'É'].sort((a, b) => a.localeCompare(b)));
console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'résumé'.normalize('NFD').length, 'résumé'.length);
console.log('café'.normalize('NFD') === 'café', 'café'.normalize('NFD').normalize('NFC') === 'café');
console.log('  trim me  '.trim() + '|', '  x'.trimStart(), 'x  '.trimEnd() + '|');
console.log('Hello'.startsWith('He'), 'Hello'.endsWith('lo', 5), 'Hello'.includes('ell', 2), 'ab'.repeat(3), 'abc'.concat(1, [2, 3]));
console.log('😀 smile'.length, [...'😀 smile'].length, '😀'.codePointAt(0).toString(16), String.fromCodePoint(0x1f600), '😀'.split(''));
console.log('İstanbul'.toLowerCase(), 'straße'.toUpperCase(), 'ABC'.toLowerCase());
console.log(String.raw`a\nb${1 + 1}\t`, `line1
line2`, `${[1, 2]}${{}}${null}${undefined}`);
function tag(strings, ...vals) { return strings.raw.map((r, i) => `[${r}]${i < vals.length ? `<${vals[i]}>` : ''}`).join(''); }
console.log(tag`x${1}y\n${'two'}z`, tag``, (tag => tag)`a${1}b`);
console.log('abc'.substring(2, 0), 'abc'.substr(-2, 1), 'abc'.slice(-2), 'abc'.slice(2, 1) === '', 'abcdef'.substring(-3, 2));
console.log('a-b_c d'.split(/[-_ ]/), 'CamelCaseString'.split(/(?=[A-Z])/), 'a,b,,c,'.split(','));
console.log(encodeURIComponent('a b&c/d?é'), decodeURIComponent('%F0%9F%98%80'), encodeURI('http://x.y/a b?q=1&r=é'));
console.log('%', 'abc'.localeCompare('ABC'), 'a'.localeCompare('B'), ['b', 'a', 'C', 'A'].sort((x, y) => x.localeCompare(y)));
console.log('abc'.search(/c/), 'aBc'.match(/b/i), 'no'.match(/x/), 'test'.match(/t/g));
