// Classes print as [class A] and [class B extends A].
class A {}
class B extends A {}
const Anon = class {};
console.log(A, B);
console.log([A, B, Anon]);
console.log({ cls: class extends B {} });
class WithStatic { static count = 3; }
console.log(WithStatic);
console.log(class extends null {});
