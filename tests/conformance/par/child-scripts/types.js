// Describes each received value's type, so the parent can print it.
const describe = (v) => {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v + ':' + String(v);
  const name = Object.getPrototypeOf(v) === null ? 'null-proto' : v.constructor.name;
  if (v instanceof Map) return 'Map(' + [...v].map(([k, x]) => k + '=' + x).join(',') + ')';
  if (v instanceof Set) return 'Set(' + [...v].join(',') + ')';
  if (v instanceof Error) return 'Error(' + v.message + ')';
  if (v instanceof Date) return 'Date(' + v.getTime() + ')';
  return name + '{' + Object.keys(v).join(',') + '}';
};
process.on('message', (m) => {
  const keys = Object.keys(m).sort();
  process.send(keys.map((k) => k + ' -> ' + describe(m[k])));
  process.disconnect();
});
