const date = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
const m = '2024-03-15 and 2025-12-01'.match(date);
console.log(m.groups, m.index, m[0], m.length, m.input.length);
console.log(m);
console.log('2024-03-15'.replace(date, '$<day>/$<month>/$<year>'), '2024-03-15'.replace(date, (...args) => JSON.stringify(args.at(-1))));
console.log([...'a1b22c333'.matchAll(/\d+/g)].map((x) => [x[0], x.index]));
console.log([...'k1=v1;k2=v2'.matchAll(/(?<k>\w+)=(?<v>\w+)/g)].map((x) => ({ ...x.groups })));
console.log('$10.50 €20'.match(/(?<=\$)\d+(\.\d+)?/)[0], 'price: 42'.match(/(?<!\$)\b\d+/)[0], 'foobar'.replace(/(?<=foo)bar/, 'BAZ'));
const sticky = /foo/y;
console.log(sticky.test('foofoo'), sticky.lastIndex, sticky.test('foofoo'), sticky.lastIndex, sticky.test('foofoo'), sticky.lastIndex);
const g = /o/g;
console.log(g.exec('foo').index, g.lastIndex, g.exec('foo').index, g.exec('foo'), g.lastIndex);
console.log('aBc'.replace(/b/i, (match, offset, str) => `[${match}@${offset} in ${str}]`));
console.log('john smith'.replace(/\b\w/g, (c) => c.toUpperCase()), 'a.b.c'.split('.'), 'x'.replace('x', '$$'), 'abc'.replace(/(?<L>b)/, '[$<L>]'));
console.log(/a.c/s.test('a\nc'), /a.c/.test('a\nc'), /^b/m.test('a\nb'), /\u{1F600}/u.test('😀'), /[😀]/u.source);
console.log(/(\d+)\s\1/.test('42 42'), /(?:ab)+/.exec('ababx')[0], /a{2,3}/.exec('aaaa')[0], /a+?/.exec('aaa')[0]);
const re = /x(y)?/dg;
console.log(re.flags, re.source, re.global, re.hasIndices, String(re));
console.log(new RegExp('a+b', 'gi'), new RegExp(/abc/g, 'i'), RegExp('[/]').source, new RegExp('').toString(), /\//.source);
try { new RegExp('('); } catch (e) { console.log(e.name, e.message); }
try { new RegExp('a', 'zz'); } catch (e) { console.log(e.name, e.message); }
console.log('one two  three'.split(/\s+/), 'a,b;c'.split(/[,;]/, 2), 'test'.split(/(?:)/u));
console.log('aaa'.lastIndexOf('a'), 'abcabc'.replace(/b/g, '$`'), 'abc'.replace(/b/, "$'"), 'abc'.replace(/(b)/, '$2$1$0'));
const emails = 'a@x.com, bad@, c.d@y.org';
console.log(emails.match(/[\w.]+@\w+\.\w+/g), /^[\w.]+@\w+\.\w+$/.test('bad@'));
console.log(RegExp.prototype.toString.call(/a/g), /a/[Symbol.replace]('aa', 'b'), Object.keys(/a/.exec('a')));
