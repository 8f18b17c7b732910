// 100k awaits in one async function: each parks and resumes its frame.
async function main() {
  let sum = 0;
  for (let i = 0; i < 100000; i++) sum += await i;
  console.log('awaits', sum);
}
main();
