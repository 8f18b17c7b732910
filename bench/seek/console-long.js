// A long console: 200,000 lines, so late checkpoints hold a console of
// hundreds of thousands of lines.
for (let i = 0; i < 200000; i++) console.log('line ' + i + ' of the long console');
