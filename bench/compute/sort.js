// Sorting numbers with a comparator and strings by default order.
const numbers = [];
let seed = 42;
for (let i = 0; i < 200000; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  numbers.push(seed);
}
numbers.sort((a, b) => a - b);
const words = numbers.slice(0, 50000).map((n) => 'w' + n.toString(36));
words.sort();
console.log(numbers[0], numbers[numbers.length - 1], words[0], words[words.length - 1]);
