// CommonJS wraps the file in a function: code after a top-level return does not run, but scheduled work does.
setTimeout(() => console.log('timer scheduled before the return still runs'), 0);
console.log('before return');
return;
console.log('never printed');
