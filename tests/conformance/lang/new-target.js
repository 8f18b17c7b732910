// new.target tells a function whether it was invoked with `new`.
function Point(x) {
  if (!new.target) return new Point(x);
  this.x = x;
}
console.log(Point(3).x, new Point(4).x);
class Shape {
  constructor() {
    if (new.target === Shape) throw new TypeError('Shape is abstract');
    this.kind = new.target.name;
  }
}
class Circle extends Shape {}
console.log(new Circle().kind);
try { new Shape(); } catch (e) { console.log(e.message); }
