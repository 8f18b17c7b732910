// A CommonJS module sees module, exports, __filename-relative names and require.main.
exports.answer = 42;
console.log(module.exports.answer, require.main === module);
console.log(require('path').basename(__filename), require('path').basename(__dirname));
console.log(typeof require.resolve, typeof require.cache, this === module.exports);
