// Dates print as ISO strings, regexps as literals.
console.log(new Date(0));
console.log([new Date(86400000)], { when: new Date(Date.UTC(2020, 0, 1)) });
console.log(new Date(NaN));
console.log(/ab+c/gi, [/x/], { re: /\d+$/m });
