// Default sort compares as strings; a comparator sorts numbers; sort is stable.
console.log([10, 9, 1, 100, 25].sort());
console.log([10, 9, 1, 100, 25].sort((a, b) => a - b));
console.log(['b', 'a', 'C', 'B'].sort(), [true, false, null, undefined, 'z'].sort());
const items = [
  { k: 'x', v: 2 }, { k: 'y', v: 1 }, { k: 'z', v: 2 }, { k: 'w', v: 1 }, { k: 'q', v: 2 },
];
console.log(items.sort((a, b) => a.v - b.v).map((i) => i.k).join(''));
const orig = [3, 1, 2];
console.log(orig.toSorted(), orig, orig.toReversed(), orig.with(0, 9));
console.log([, 3, undefined, 1].sort());
