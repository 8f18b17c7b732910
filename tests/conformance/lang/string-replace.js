// replace replaces the first match (or all with /g), replaceAll replaces all;
// replacement patterns ($&, $1) and replacer functions.
const s = 'one two one two';
console.log(s.replace('one', '1'));
console.log(s.replaceAll('one', '1'));
console.log(s.replace(/two/g, (m, offset) => `${m.toUpperCase()}@${offset}`));
console.log('john smith'.replace(/(\w+) (\w+)/, '$2, $1'));
console.log('price: 10'.replace(/\d+/, '[$&]'), 'a.b.c'.replaceAll('.', '$$'));
try { s.replaceAll(/one/, 'x'); } catch (e) { console.log(e.constructor.name, e.message); }
