// Template literals: interpolation, multi-line, nesting, tagged templates, raw strings.
const name = 'node';
const n = 20;
console.log(`hello ${name} v${n + 0.5}`);
console.log(`line1
line2`);
console.log(`${`nested ${name.toUpperCase()}`}!`);
function tag(strings, ...values) {
  return strings.raw.map((s, i) => s + (i < values.length ? `[${values[i]}]` : '')).join('');
}
console.log(tag`a${1}b${'two'}c\n`);
console.log(String.raw`C:\new\table`);
console.log(`${[1, 2]} ${{}} ${null} ${undefined}`);
