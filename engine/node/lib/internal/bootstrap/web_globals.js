'use strict';
// Installs the web globals Node has (URL, TextEncoder, atob, ...) as lazy
// properties of globalThis: the library module behind them runs on first
// use, so programs that never touch them pay nothing. Reading or assigning
// one turns it into the plain writable, non-enumerable data property Node has.

const kGlobals = {
  URL: 'url', URLSearchParams: 'url',
  TextEncoder: 'internal/web', TextDecoder: 'internal/web', DOMException: 'internal/web',
  btoa: 'internal/web', atob: 'internal/web',
  EventTarget: 'internal/event_target', Event: 'internal/event_target', CustomEvent: 'internal/event_target',
  fetch: 'internal/fetch', Headers: 'internal/fetch', Request: 'internal/fetch', Response: 'internal/fetch',
};

for (const [name, from] of Object.entries(kGlobals)) {
  const settle = (value) => {
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
    return value;
  };
  Object.defineProperty(globalThis, name, {
    get() { return settle(require(from)[name]); },
    set(value) { settle(value); },
    enumerable: false,
    configurable: true,
  });
}
