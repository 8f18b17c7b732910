// Property keys built at run time (concatenation, templates, ropes) find the same property as literals.
const k = { 'ab': 1, 'http:': 2 };
let a = 'a'; a += 'b'; console.log(k[a], a in k, Object.hasOwn(k, a));
const x = 'http'; console.log(k[x + ':'], k[`${x}:`], k[x.concat(':')]);
const o = {}; let key = 'dyn'; key += 'amic'; o[key] = 5; console.log(o.dynamic, o, Object.keys(o));
o[key] += 1; console.log(o.dynamic); delete o[key]; console.log(o, key in o);
const m = {}; for (const w of 'the cat the dog the end'.split(' ')) m[w] = (m[w] || 0) + 1; console.log(m);
const cnt = {}; for (const ch of 'hello') cnt[ch] = (cnt[ch] ?? 0) + 1; console.log(cnt);
class C { ['comp' + 'uted']() { return 1; } } console.log(new C().computed());
const long = 'x'.repeat(70); const obj = {[long + 'y']: 1}; console.log(obj['x'.repeat(70) + 'y'], Object.keys(obj)[0].length);
const { [`${x}:`]: val } = k; console.log(val);
