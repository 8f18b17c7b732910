// finally blocks in async functions run after the awaited work, even on early return.
async function task(fail) {
  try {
    await null;
    if (fail) throw new Error('task failed');
    return 'task ok';
  } finally {
    console.log('finally for fail =', fail);
  }
}
task(false).then((v) => console.log(v));
task(true).catch((e) => console.log(e.message));
