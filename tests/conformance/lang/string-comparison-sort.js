// Sorting strings with localeCompare vs the default code-unit order.
const words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '10', '9'];
console.log([...words].sort());
console.log([...words].sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
console.log(['b', 'a', 'c'].sort().reverse());
console.log([3, 20, 100].sort().join(), [3, 20, 100].sort((a, b) => b - a).join());
