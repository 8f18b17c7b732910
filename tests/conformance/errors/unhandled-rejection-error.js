// Rejecting with an Error that nobody handles.
async function load() {
  await null;
  throw new Error('load failed');
}
load();
console.log('load started');
