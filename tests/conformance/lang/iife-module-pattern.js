// An immediately invoked function expression hides private state.
const account = (function () {
  let balance = 100;
  function log(op) { return `${op} -> ${balance}`; }
  return {
    deposit(n) { balance += n; return log('deposit ' + n); },
    withdraw(n) {
      if (n > balance) throw new Error('insufficient funds');
      balance -= n;
      return log('withdraw ' + n);
    },
  };
})();
console.log(account.deposit(50));
console.log(account.withdraw(30));
try { account.withdraw(1000); } catch (e) { console.log(e.message); }
console.log(account.balance);
