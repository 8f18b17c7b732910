// Tagged templates: cooked and raw strings, substitutions, and a cached strings array.
function show(strings, ...values) {
  return JSON.stringify({ cooked: [...strings], raw: strings.raw, values });
}
console.log(show`a${1}b${'two'}c`);
console.log(show`line\nbreak \u0041 ${null}`);
console.log(show``, show`${0}`);
const cache = [];
const keep = (s) => { cache.push(s); return s.length; };
for (let i = 0; i < 2; i++) keep`same ${i} site`;
console.log(cache[0] === cache[1], Object.isFrozen(cache[0]), Array.isArray(cache[0].raw));
const html = (s, ...v) => s.reduce((out, str, i) => out + str + (i < v.length ? String(v[i]).replace(/</g, '&lt;') : ''), '');
console.log(html`<p>${'<b>bold</b>'} and ${42}</p>`);
const currency = (s, ...v) => s.map((str, i) => str + (i < v.length ? v[i].toFixed(2) : '')).join('');
console.log(currency`Total: ${12.5} + tax ${1.005}`);
console.log(String.raw`C:\new\table${1 + 1}\x`, String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3));
const nested = (s, ...v) => v.join('|');
console.log(nested`${`inner ${1 + 1}`}${[1, 2]}${{}}`);
console.log(`multi
line ${'template'}`.split('\n'));
