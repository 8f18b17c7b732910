// ?? only falls back on null/undefined, unlike || which falls back on any falsy value.
const values = [0, '', false, null, undefined, NaN, 'x'];
for (const v of values) {
  console.log(String(v).padEnd(9), 'or:', v || 'fallback', '| nullish:', v ?? 'fallback');
}
const opts = { retries: 0 };
console.log(opts.retries ?? 3, opts.retries || 3, opts.timeout ?? 1000);
