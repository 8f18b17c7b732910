'use strict';
// require('readline'): an Interface that splits an input stream into
// 'line' events (\n, \r\n or a lone \r; a \n arriving within crlfDelay
// after a \r is the same line ending), emits the last unterminated line at
// the input's end, then 'close'. Non-terminal mode only: looplab's stdin is
// never a TTY.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { makeError } = require('internal/errors');

const kDefaultCrlfDelay = 100;
// Lines a `for await` consumer may fall behind before the input pauses.
const kIteratorHighWatermark = 1024;

// Splits text at line endings: \n, \r\n, or a \r not followed by \n. Found
// with indexOf rather than a global regular expression, which would rescan
// a 64 KiB chunk for every line in it.
function splitLines(string) {
  const lines = [];
  let start = 0;
  let nl = string.indexOf('\n');
  let cr = string.indexOf('\r');
  while (nl !== -1 || cr !== -1) {
    if (cr !== -1 && (nl === -1 || cr < nl)) {
      lines.push(string.slice(start, cr));
      start = string.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    } else {
      lines.push(string.slice(start, nl));
      start = nl + 1;
    }
    if (nl !== -1 && nl < start) nl = string.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = string.indexOf('\r', start);
  }
  return { lines, rest: string.slice(start) };
}

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let crlfDelay;
    let prompt = '> ';
    if (input && input.input) {
      const options = input;
      output = options.output;
      terminal = options.terminal;
      crlfDelay = options.crlfDelay;
      if (options.prompt !== undefined) prompt = options.prompt;
      input = options.input;
    }
    this.input = input;
    this.output = output;
    this.terminal = !!terminal;
    this.crlfDelay = crlfDelay ? Math.max(kDefaultCrlfDelay, crlfDelay) : kDefaultCrlfDelay;
    this.line = '';
    this.closed = false;
    this.paused = false;
    this._prompt = prompt;
    this._lineBuffer = null;
    this._sawReturnAt = 0;
    this._questionCallback = null;
    this._decoder = new StringDecoder('utf8');
    this._ondata = (data) => this._normalWrite(data);
    this._onend = () => {
      if (typeof this._lineBuffer === 'string' && this._lineBuffer.length > 0) this.emit('line', this._lineBuffer);
      this.close();
    };
    input.on('data', this._ondata);
    input.on('end', this._onend);
    this.once('close', () => {
      input.removeListener('data', this._ondata);
      input.removeListener('end', this._onend);
    });
    input.resume();
  }

  _normalWrite(chunk) {
    if (chunk === undefined) return;
    let string = this._decoder.write(chunk);
    if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this._sawReturnAt = 0;
    }
    if (this._lineBuffer) {
      string = this._lineBuffer + string;
      this._lineBuffer = null;
    }
    const { lines, rest } = splitLines(string);
    if (lines.length === 0) {
      if (string) this._lineBuffer = string;
      return;
    }
    this._sawReturnAt = string.endsWith('\r') ? Date.now() : 0;
    this._lineBuffer = rest;
    for (const line of lines) this._onLine(line);
  }

  _onLine(line) {
    if (this._questionCallback) {
      const cb = this._questionCallback;
      this._questionCallback = null;
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  setPrompt(prompt) {
    this._prompt = prompt;
  }

  getPrompt() {
    return this._prompt;
  }

  prompt() {
    if (this.paused) this.resume();
    if (this.output && this.output.write) this.output.write(this._prompt);
  }

  question(query, options, cb) {
    cb = typeof options === 'function' ? options : cb;
    if (this.closed) throw makeError('ERR_USE_AFTER_CLOSE', 'readline');
    if (this._questionCallback) {
      this.prompt();
      return;
    }
    this._questionCallback = cb;
    if (this.paused) this.resume();
    if (this.output && this.output.write) this.output.write(query);
  }

  write(data) {
    if (this.closed) throw makeError('ERR_USE_AFTER_CLOSE', 'readline');
    if (this.paused) this.resume();
    this._normalWrite(data);
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.closed = true;
    this.emit('close');
  }

  getCursorPos() {
    return { rows: 0, cols: this.line.length };
  }

  // for await (const line of rl): lines queue up until the loop takes
  // them; the loop ends at 'close'.
  [Symbol.asyncIterator]() {
    if (this._lineIterator === undefined) this._lineIterator = createLineIterator(this);
    return this._lineIterator;
  }
}

function createLineIterator(rl) {
  const lines = [];
  const waiting = [];
  let done = false;
  let error = null;
  const onLine = (line) => {
    if (waiting.length) {
      waiting.shift().resolve({ value: line, done: false });
      return;
    }
    lines.push(line);
    if (lines.length >= kIteratorHighWatermark) rl.pause();
  };
  const finish = () => {
    done = true;
    rl.removeListener('line', onLine);
    while (waiting.length) waiting.shift().resolve({ value: undefined, done: true });
  };
  const onError = (err) => {
    error = err;
    while (waiting.length) waiting.shift().reject(err);
    finish();
  };
  rl.on('line', onLine);
  rl.once('close', finish);
  rl.on('error', onError);
  return {
    next() {
      if (lines.length) {
        const value = lines.shift();
        if (rl.paused && !rl.closed && lines.length < kIteratorHighWatermark) rl.resume();
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const err = error;
        error = null;
        return Promise.reject(err);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      finish();
      rl.close();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

function clearLine(stream, dir, callback) {
  const code = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
  return stream ? stream.write(code, callback) : true;
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  const code = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
  return stream ? stream.write(code, callback) : true;
}

module.exports = { Interface, createInterface, clearLine, cursorTo };
