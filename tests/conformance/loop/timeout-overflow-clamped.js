// Delays above 2^31-1 ms overflow and are treated as 1 ms (with a warning on stderr).
setTimeout(() => console.log('huge delay fired almost immediately'), 2 ** 31);
setTimeout(() => console.log('5ms timer fires after it'), 5);
