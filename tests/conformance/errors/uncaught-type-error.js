// A TypeError from reading a property of undefined, uncaught.
const user = undefined;
console.log('about to read user.name');
console.log(user.name);
