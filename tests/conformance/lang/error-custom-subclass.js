// Custom Error subclasses keep instanceof and can carry extra fields.
class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}
class RequiredError extends ValidationError {
  constructor(field) { super(field, `${field} is required`); this.name = 'RequiredError'; }
}
try {
  throw new RequiredError('email');
} catch (e) {
  console.log(e instanceof RequiredError, e instanceof ValidationError, e instanceof Error);
  console.log(e.name, e.field, e.message);
  console.log(e.stack.split('\n')[0]);
  console.log(`${e}`);
}
