// Ends the way argv[2] says.
const how = process.argv[2];
if (how === 'code') process.exit(7);
if (how === 'exitCode') process.exitCode = 3;
if (how === 'throw') throw new Error('child failed');
if (how === 'natural') setTimeout(() => {}, 5);
