// slice, substring and substr-like extraction, with negative and swapped indexes.
const s = 'JavaScript';
console.log(s.slice(0, 4), s.slice(-6), s.slice(4, -2), s.slice(5, 2) === '');
console.log(s.substring(4, 0), s.substring(-3, 4), s.substring(4));
console.log(s.at(0), s.at(-1), s.at(99), s.charAt(4), s.charAt(99) === '');
console.log(s.charCodeAt(0), s.codePointAt(1), String.fromCharCode(74, 83));
console.log(s.length, s[4], s[100]);
