// Functions print as [Function: name], anonymous ones as [Function (anonymous)].
function named() {}
const arrow = () => {};
const anon = [function () {}][0];
console.log(named, arrow, anon);
console.log([named, () => {}]);
console.log({ method() {}, async am() {}, *gen() {}, async *ag() {} });
console.log(async function af() {}, function* g() {});
const withProps = function props() {};
withProps.extra = 1;
console.log(withProps);
console.log(Math.max, [].map, Object);
