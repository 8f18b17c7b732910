// JSON.stringify throws on circular structures; BigInt is not serializable.
const a = { name: 'a' };
a.self = a;
try { JSON.stringify(a); } catch (e) { console.log(e.constructor.name, e.message.split('\n')[0]); }
try { JSON.stringify({ n: 1n }); } catch (e) { console.log(e.constructor.name, e.message); }
const shared = { v: 1 };
console.log(JSON.stringify({ x: shared, y: shared }));
