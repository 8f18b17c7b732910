// Class instances are prefixed with the class name; empty ones show `Foo {}`.
class Foo { constructor() { this.a = 1; } }
class Empty {}
class WithAccessor { constructor() { this.x = 1; } get y() { return 2; } method() {} }
console.log(new Foo(), new Empty(), new WithAccessor());
class Sub extends Foo { constructor() { super(); this.b = [2]; } }
console.log(new Sub());
console.log([new Foo(), new Empty()]);
console.log({ inside: new Sub() });
function Legacy() { this.v = 'old-style'; }
console.log(new Legacy());
