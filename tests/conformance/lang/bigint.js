// BigInt arbitrary precision integers and mixing rules.
const big = 2n ** 100n;
console.log(big.toString(), typeof big, big % 7n);
console.log(7n / 2n, -7n / 2n, 10n ** 20n, BigInt('123456789012345678901234567890') * 2n);
try { console.log(1n + 1); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(1n == 1, 1n === 1, 2n > 1, BigInt(Number.MAX_SAFE_INTEGER) + 2n);
console.log(BigInt.asUintN(8, 257n), (255n).toString(16), String(-0n));
