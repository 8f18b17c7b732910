// An Error with a cause prints the cause too.
try {
  JSON.parse('{');
} catch (e) {
  throw new Error('config unreadable', { cause: e.name });
}
