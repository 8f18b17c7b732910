// Static methods and static initialization blocks run once, at class definition.
const log = [];
class Config {
  static defaults = { retries: 3 };
  static {
    log.push('static block ran');
    Config.ready = true;
  }
  static create(overrides) { return { ...Config.defaults, ...overrides }; }
}
log.push('after class');
console.log(log);
console.log(Config.ready, Config.create({ timeout: 5 }));
class Sub extends Config {}
console.log(Sub.create({}), Object.hasOwn(Sub, 'defaults'));
