class ValidationError extends Error {
  constructor(field, message, options) { super(message, options); this.name = 'ValidationError'; this.field = field; }
}
class DbError extends Error { }
const cause = new TypeError('low level');
const err = new ValidationError('email', 'bad email', { cause });
console.log(err.name, err.message, err.field, err.cause === cause, err instanceof ValidationError, err instanceof Error);
console.log(String(err), err.toString(), Object.prototype.toString.call(err), Object.keys(err));
console.log(err.stack.split('\n')[0], typeof err.stack);
const d = new DbError('conn lost');
console.log(d.name, String(d), d.constructor.name, Object.getPrototypeOf(d) === DbError.prototype);
const agg = new AggregateError([new Error('one'), new RangeError('two')], 'multiple');
console.log(agg.name, agg.message, agg.errors.length, agg.errors.map(String));
const plain = new Error('with props');
plain.code = 'E_CODE';
plain.details = { retry: true };
console.log(Object.keys(plain), plain.code, JSON.stringify(plain), JSON.stringify({ e: plain }));
const noMsg = new Error();
console.log(`[${noMsg.message}]`, String(noMsg), String(new TypeError()), new Error(undefined).message === '', new Error(42).message);
try { null.x; } catch (e) { console.log(e.constructor.name, e.message); }
try { undefined.foo(); } catch (e) { console.log(e.constructor.name, e.message); }
try { const o = {}; o.method(); } catch (e) { console.log(e.constructor.name, e.message); }
try { const o = { inner: {} }; o.inner.deep.x; } catch (e) { console.log(e.constructor.name, e.message); }
try { notDefined + 1; } catch (e) { console.log(e.constructor.name, e.message); }
try { let arr = []; arr.length = -1; } catch (e) { console.log(e.constructor.name, e.message); }
try { 'x'.repeat(-1); } catch (e) { console.log(e.constructor.name, e.message); }
try { (1).toFixed(101); } catch (e) { console.log(e.constructor.name, e.message); }
try { Symbol() + ''; } catch (e) { console.log(e.constructor.name, e.message); }
try { new Array(-1); } catch (e) { console.log(e.constructor.name, e.message); }
try { Object.defineProperty(Object.freeze({}), 'x', { value: 1 }); } catch (e) { console.log(e.constructor.name, e.message); }
try { 'use strict'; Object.freeze([1]).push(2); } catch (e) { console.log(e.constructor.name, e.message); }
try { throw { custom: 'object' }; } catch (e) { console.log(typeof e, e); }
try { try { throw new Error('inner'); } finally { console.log('finally runs'); } } catch (e) { console.log('outer got', e.message); }
const e2 = new Error('msg', { cause: 'str cause' });
console.log(e2.cause, 'cause' in new Error('x'), Object.getOwnPropertyDescriptor(e2, 'cause'));
console.log(Error('no new') instanceof Error, RangeError.prototype.name, Error.prototype.message === '', typeof Error.captureStackTrace);
