// Errors in async functions become rejections; try/catch around await catches them.
async function fails() { await null; throw new Error('async failure'); }
async function main() {
  try {
    await fails();
  } catch (e) {
    console.log('caught with try/catch:', e.message);
  }
  const r = await fails().catch((e) => 'recovered: ' + e.message);
  console.log(r);
  try {
    await Promise.all([fails(), Promise.resolve(1)]);
  } catch (e) {
    console.log('Promise.all rejected:', e.message);
  }
}
main().then(() => console.log('main resolved'));
