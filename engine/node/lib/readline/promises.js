'use strict';
// require('readline/promises'): the same Interface with question()
// returning a promise.

const readline = require('readline');

class Interface extends readline.Interface {
  question(query, options) {
    return new Promise((resolve) => super.question(query, options, resolve));
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, createInterface };
