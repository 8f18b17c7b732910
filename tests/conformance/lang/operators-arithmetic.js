// Arithmetic operators including %, ** and their precedence and associativity.
console.log(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 % 3, -7 % 3, 7.5 % 2);
console.log(2 ** 10, 2 ** 3 ** 2, (-2) ** 2);
console.log(1 + 2 * 3, (1 + 2) * 3, 10 / 4 * 2);
let i = 5;
console.log(i++, i, ++i, i--, --i);
console.log('3' * '4', '3' + 4, 3 + 4 + '5', '5' - 2, +'', +'x', -'3');
console.log(1 / 0, -1 / 0, 0 / 0);
