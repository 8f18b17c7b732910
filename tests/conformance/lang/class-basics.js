// A class with a constructor, methods, getters/setters and a static method.
class Temperature {
  constructor(celsius) { this.celsius = celsius; }
  get fahrenheit() { return this.celsius * 9 / 5 + 32; }
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; }
  describe() { return `${this.celsius}C`; }
  static fromFahrenheit(f) { const t = new Temperature(0); t.fahrenheit = f; return t; }
}
const t = new Temperature(100);
console.log(t.fahrenheit, t.describe());
t.fahrenheit = 32;
console.log(t.celsius);
console.log(Temperature.fromFahrenheit(212).describe());
console.log(typeof Temperature, Object.keys(t));
try {
  Temperature(1);
} catch (e) {
  console.log(e.message);
}
