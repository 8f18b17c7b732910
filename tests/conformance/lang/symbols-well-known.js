// Symbols as keys and well-known symbols.
const id = Symbol('id');
const user = { name: 'u', [id]: 7, [Symbol.for('shared')]: true };
console.log(user, Object.keys(user), JSON.stringify(user), user[id], Object.getOwnPropertySymbols(user));
console.log(id.toString(), id.description, String(id), typeof id, Symbol.for('shared').description);
try { `${id}`; } catch (e) { console.log(e.name, e.message); }
try { id + 1; } catch (e) { console.log(e.name, e.message); }
class Collection {
  constructor() { this.items = ['a', 'b']; }
  *[Symbol.iterator]() { yield* this.items; }
  get [Symbol.toStringTag]() { return 'Coll'; }
  static [Symbol.hasInstance](x) { return Array.isArray(x?.items); }
}
const c = new Collection();
console.log([...c], String(c), { items: [] } instanceof Collection, c);
const spreadable = { length: 2, 0: 'x', 1: 'y', [Symbol.isConcatSpreadable]: true };
console.log([1].concat(spreadable), [1].concat([2], 3));
const money = { amount: 5, [Symbol.toPrimitive](hint) { return hint === 'string' ? '$5' : 5; } };
console.log(`${money}`, money + 1, money * 2, [money].join());
console.log(Symbol.iterator in [], Symbol.asyncIterator.toString(), Object(Symbol('boxed')));
