// Accessor properties print as [Getter], [Setter] or [Getter/Setter].
const o = {
  get onlyGet() { return 1; },
  set onlySet(v) {},
  get both() { return 2; },
  set both(v) {},
  plain: 3,
};
console.log(o);
class C { get computed() { return 42; } }
console.log(new C());
console.log(Object.defineProperty({}, 'viaDefine', { get() { return 0; }, enumerable: true }));
