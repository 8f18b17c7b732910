// Exceptions propagate outward through nested try blocks; catch can rethrow.
function risky(n) {
  if (n > 2) throw new RangeError(`too big: ${n}`);
  return n * 2;
}
const steps = [];
try {
  try {
    steps.push(risky(1));
    steps.push(risky(5));
    steps.push('unreachable');
  } catch (e) {
    steps.push('inner caught ' + e.message);
    throw new Error('wrapped', { cause: e });
  } finally {
    steps.push('inner finally');
  }
} catch (e) {
  steps.push(`outer caught ${e.message} (cause: ${e.cause.name})`);
}
console.log(steps);
try { null.x; } catch { console.log('optional catch binding'); }
