// yield* delegates to another iterable; return() and throw() control a generator.
function* inner() { yield 'a'; yield 'b'; return 'inner result'; }
function* outer() {
  const r = yield* inner();
  yield r;
  yield* [1, 2];
}
console.log([...outer()]);
function* guarded() {
  try { yield 1; yield 2; } finally { console.log('cleanup'); }
}
const g = guarded();
console.log(g.next().value, g.return(99), g.next());
const h = guarded();
h.next();
try { h.throw(new Error('injected')); } catch (e) { console.log('caught', e.message); }
