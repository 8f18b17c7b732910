// Symbols are unique keys, hidden from keys() and JSON, with well-known symbols.
const a = Symbol('id');
const b = Symbol('id');
console.log(a === b, a.toString(), a.description, typeof a);
const o = { [a]: 1, visible: 2 };
console.log(Object.keys(o), JSON.stringify(o), o[a], Object.getOwnPropertySymbols(o).length);
console.log(Symbol.for('app') === Symbol.for('app'), Symbol.keyFor(Symbol.for('app')));
const money = { amount: 5, [Symbol.toPrimitive](hint) { return hint === 'number' ? this.amount : `$${this.amount}`; } };
console.log(+money, `${money}`, money * 2);
class Tagged { get [Symbol.toStringTag]() { return 'Tagged'; } }
console.log(Object.prototype.toString.call(new Tagged()));
