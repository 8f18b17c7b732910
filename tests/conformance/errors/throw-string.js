// Throwing a string: node prints the string.
throw 'a string, not an Error';
