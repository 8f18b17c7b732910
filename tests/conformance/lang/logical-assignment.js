// ||=, &&= and ??= only assign when needed (and short-circuit the right side).
let a = 0, b = 1, c = null;
a ||= 10;
b &&= 20;
c ??= 30;
console.log(a, b, c);
const obj = { count: 0, name: '' };
obj.count ??= 5;
obj.name ||= 'anon';
obj.missing ??= 'set';
console.log(obj);
let evaluated = false;
let d = 1;
d ||= (evaluated = true);
console.log(d, evaluated);
