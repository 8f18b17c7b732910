// Common runtime errors: calling undefined, reading from null, undeclared names.
const cases = [
  () => { const o = {}; o.method(); },
  () => { const u = undefined; return u.prop; },
  () => { return notDeclaredAnywhere + 1; },
  () => { const n = 5; n(); },
  () => { null.x = 1; },
  () => { new (function () {}.bind())(); return 'ok: bound fn is constructible'; },
  () => { return new Array(-1); },
  () => { const s = Symbol('s'); return s + ''; },
];
for (const fn of cases) {
  try {
    console.log(fn());
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
}
