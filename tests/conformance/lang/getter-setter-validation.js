// Setters can validate and normalize; getters compute derived values.
class Range {
  #lo = 0;
  #hi = 0;
  get lo() { return this.#lo; }
  set lo(v) { if (v > this.#hi) throw new RangeError(`lo ${v} > hi ${this.#hi}`); this.#lo = v; }
  get hi() { return this.#hi; }
  set hi(v) { this.#hi = Math.max(v, this.#lo); }
  get width() { return this.#hi - this.#lo; }
}
const r = new Range();
r.hi = 10;
r.lo = 4;
console.log(r.lo, r.hi, r.width);
try { r.lo = 20; } catch (e) { console.log(e.name, e.message); }
r.hi = 1;
console.log(r.hi, r.width, Object.keys(r));
