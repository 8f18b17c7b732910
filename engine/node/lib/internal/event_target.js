'use strict';
// The web's EventTarget, Event and CustomEvent, as Node 20 has them as
// globals: listeners run synchronously in the order they were added, once
// per (type, listener, capture); `once` and `signal` options remove them;
// an error thrown by a listener does not stop the others and reaches
// process 'uncaughtException' on the next tick, as in Node.

class Event {
  #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timeStamp;
  #target = null; #currentTarget = null; #dispatching = false;
  #propagationStopped = false; #immediateStopped = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) {
      const error = new TypeError('The "type" argument must be specified');
      error.code = 'ERR_MISSING_ARGS';
      throw error;
    }
    this.#type = `${type}`;
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this.#timeStamp = performance.now();
  }
  get type() { return this.#type; }
  get bubbles() { return this.#bubbles; }
  get cancelable() { return this.#cancelable; }
  get composed() { return this.#composed; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get returnValue() { return !this.defaultPrevented; }
  get timeStamp() { return this.#timeStamp; }
  get target() { return this.#target; }
  get currentTarget() { return this.#currentTarget; }
  get srcElement() { return this.#target; }
  get isTrusted() { return false; }
  get eventPhase() { return this.#dispatching ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { return this.#propagationStopped; }
  set cancelBubble(value) { if (value) this.#propagationStopped = true; }
  composedPath() { return this.#dispatching ? [this.#currentTarget] : []; }
  preventDefault() { this.#defaultPrevented = true; }
  // With one target and no tree, only stopImmediatePropagation() keeps the
  // target's later listeners from running.
  stopPropagation() { this.#propagationStopped = true; }
  stopImmediatePropagation() { this.#propagationStopped = this.#immediateStopped = true; }
  get [Symbol.toStringTag]() { return 'Event'; }

  static dispatching(event, target, active) {
    event.#dispatching = active;
    event.#target = target;
    event.#currentTarget = active ? target : null;
  }
  static isDispatching(event) { return event.#dispatching; }
  static immediateStopped(event) { return event.#immediateStopped; }
}
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    super(type, options);
    this.#detail = options?.detail ?? null;
  }
  get detail() { return this.#detail; }
  get [Symbol.toStringTag]() { return 'CustomEvent'; }
}

class EventTarget {
  #listeners = new Map();  // type -> [{ listener, once, capture, removed }]

  addEventListener(type, listener, options = undefined) {
    if (listener == null) return;
    if (typeof listener !== 'function' && typeof listener !== 'object') {
      throw invalidListener(listener);
    }
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const once = typeof options === 'object' && !!options?.once;
    const signal = typeof options === 'object' ? options?.signal : undefined;
    if (signal?.aborted) return;
    type = `${type}`;
    const list = this.#listeners.get(type) ?? [];
    if (list.some((e) => e.listener === listener && e.capture === capture)) return;
    const entry = { listener, once, capture, removed: false };
    list.push(entry);
    this.#listeners.set(type, list);
    signal?.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
  }

  removeEventListener(type, listener, options = undefined) {
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const list = this.#listeners.get(`${type}`);
    if (!list) return;
    const index = list.findIndex((e) => e.listener === listener && e.capture === capture);
    if (index < 0) return;
    list[index].removed = true;
    list.splice(index, 1);
  }

  dispatchEvent(event) {
    if (!(event instanceof Event)) {
      const error = new TypeError('The "event" argument must be an instance of Event. Received ' +
                                  (event === null ? 'null' : typeof event === 'object' ? 'an instance of ' +
                                  (event.constructor?.name ?? 'Object') : `type ${typeof event} (${String(event)})`));
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    if (Event.isDispatching(event)) {
      const error = new Error('The event is already being dispatched');
      error.code = 'ERR_EVENT_RECURSION';
      throw error;
    }
    Event.dispatching(event, this, true);
    for (const entry of [...(this.#listeners.get(event.type) ?? [])]) {
      if (entry.removed) continue;
      if (entry.once) this.removeEventListener(event.type, entry.listener, { capture: entry.capture });
      try {
        if (typeof entry.listener === 'function') entry.listener.call(this, event);
        else if (typeof entry.listener.handleEvent === 'function') entry.listener.handleEvent(event);
      } catch (error) {
        process.nextTick(() => { throw error; });
      }
      if (Event.immediateStopped(event)) break;
    }
    Event.dispatching(event, this, false);
    return !event.defaultPrevented;
  }
  get [Symbol.toStringTag]() { return 'EventTarget'; }
}

function invalidListener(listener) {
  const error = new TypeError('The "listener" argument must be an instance of EventListener. Received ' +
                              `type ${typeof listener} (${String(listener)})`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

module.exports = { Event, CustomEvent, EventTarget };
