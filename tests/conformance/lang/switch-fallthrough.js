// switch compares with ===, falls through without break, default can be anywhere.
function classify(v) {
  const out = [];
  switch (v) {
    case 1:
      out.push('one');
    case 2:
      out.push('two');
      break;
    default:
      out.push('default');
    case '3':
      out.push('string three');
      break;
  }
  return out.join(',');
}
console.log(classify(1));
console.log(classify(2));
console.log(classify('3'));
console.log(classify(3));
