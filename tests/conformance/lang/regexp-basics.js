// RegExp test, match, matchAll, exec with lastIndex, flags and named groups.
const re = /(\d{4})-(\d{2})-(\d{2})/;
const m = '2024-03-15'.match(re);
console.log(m[0], m[1], m.index, m.length);
console.log(re.test('no date'), /^abc$/i.test('ABC'));
const named = 'key=value'.match(/(?<k>\w+)=(?<v>\w+)/).groups;
console.log(named.k, named.v);
console.log('a1b22c333'.match(/\d+/g), 'none'.match(/\d/));
console.log([...'a1b22'.matchAll(/\d+/g)].map((x) => `${x[0]}@${x.index}`));
const g = /o/g;
console.log(g.exec('foo').index, g.lastIndex, g.exec('foo').index, g.exec('foo'));
console.log(/a.c/s.flags, /x/gimsuy.flags, String(/a\/b/));
