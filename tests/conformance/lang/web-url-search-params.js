// URLSearchParams: parsing, serialisation, the live link to its URL.
const p = new URLSearchParams('?a=1&b=x+y&a=%20&c=%E2%9C%93&d');
console.log(p.get('a'), p.getAll('a'), p.get('b'), p.get('c'), JSON.stringify(p.get('d')), p.get('zz'), p.size);
console.log([...p.keys()], [...p.values()], [...p]);
p.append('e', 'new value&more');
p.set('a', 'only');
p.delete('b');
console.log(p.toString(), p.has('a'), p.has('b'));
p.sort();
console.log(p.toString());
console.log(new URLSearchParams({ q: 'node js', page: 2 }).toString());
console.log(new URLSearchParams([['x', '1'], ['y', '2']]).toString(), new URLSearchParams(new Map([['m', 'n']])).toString());
console.log(p, new URLSearchParams());
const u = new URL('https://shop.example/items?sort=asc&page=1');
u.searchParams.set('page', '2');
u.searchParams.append('tag', 'a b');
console.log(u.href, u.search);
u.search = '?fresh=yes';
console.log(u.searchParams.get('fresh'), u.searchParams.get('sort'));
u.hash = 'section 2';
u.pathname = '/new path/./x';
u.port = '443';
console.log(u.href);
u.port = '8443';
u.hostname = 'OTHER.example';
console.log(u.href, u.host);
p.forEach((value, name) => console.log('forEach', name, value));
try { new URLSearchParams([['only-one']]); } catch (e) { console.log(e.name, e.code); }
