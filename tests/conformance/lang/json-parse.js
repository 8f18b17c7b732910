// JSON.parse with a reviver, and syntax errors.
const text = '{"a":1,"b":[1,2,{"c":"3"}],"d":"2020-01-01T00:00:00.000Z"}';
const parsed = JSON.parse(text);
console.log(parsed.b[2].c, typeof parsed.d);
const revived = JSON.parse(text, (key, value) => {
  if (key === 'd') return new Date(value).getUTCFullYear();
  if (typeof value === 'number') return value * 10;
  return value;
});
console.log(revived);
console.log(JSON.parse('"str"'), JSON.parse('null'), JSON.parse(' [1e2] '));
for (const bad of ['{a:1}', "{'a':1}", '[1,]', '']) {
  try { JSON.parse(bad); } catch (e) { console.log(e.name); }
}
