// util.promisify turns a Node-style callback API into a promise-returning one.
const util = require('util');
const fs = require('fs');
function addLater(a, b, cb) { setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 1); }
const addP = util.promisify(addLater);
(async () => {
  console.log(await addP(2, 3));
  try { await addP(-1, 1); } catch (e) { console.log('rejected:', e.message); }
  const stat = util.promisify(fs.stat);
  console.log((await stat(__filename)).isFile());
  const sleep = util.promisify(setTimeout);
  console.log(await sleep(1, 'custom promisify of setTimeout'));
})();
