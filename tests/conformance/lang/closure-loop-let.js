// A `let` loop variable is a fresh binding per iteration; a `var` one is shared.
const withLet = [];
for (let i = 0; i < 3; i++) withLet.push(() => i);
const withVar = [];
for (var j = 0; j < 3; j++) withVar.push(() => j);
console.log(withLet.map((f) => f()));
console.log(withVar.map((f) => f()));
