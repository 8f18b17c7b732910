'use strict';
// Web platform globals Node provides: TextEncoder, TextDecoder, btoa, atob
// and DOMException. Bytes go through Buffer, which the engine implements
// natively.

const kDomExceptionCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

class DOMException extends Error {
  #name;
  constructor(message = '', options = 'Error') {
    super(String(message));
    this.#name = typeof options === 'object' && options !== null ? String(options.name ?? 'Error') : String(options);
    if (typeof options === 'object' && options !== null && 'cause' in options) {
      Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
    }
  }
  get name() { return this.#name; }
  get code() { return kDomExceptionCodes[this.#name] ?? 0; }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });

function invalidArgType(name, expected, value) {
  const received = value === null ? 'null' : value === undefined ? 'undefined'
    : typeof value === 'object' ? `an instance of ${value.constructor?.name ?? 'Object'}` : `type ${typeof value} (${String(value)})`;
  const error = new TypeError(`The "${name}" argument must be ${expected}. Received ${received}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

function asBytes(input, name) {
  if (input === undefined) return Buffer.alloc(0);
  if (input instanceof ArrayBuffer) return Buffer.from(input);
  if (ArrayBuffer.isView(input)) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  throw invalidArgType(name, 'an instance of ArrayBuffer or ArrayBufferView', input);
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') {
    const bytes = Buffer.from(String(input), 'utf8');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length).slice();
  }
  encodeInto(source, destination) {
    let read = 0;
    let written = 0;
    for (const ch of String(source)) {
      const bytes = Buffer.from(ch, 'utf8');
      if (written + bytes.length > destination.length) break;
      destination.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspect({ encoding: this.encoding }, options);
  }
}

const kDecoderLabels = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
  latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', ascii: 'windows-1252', 'windows-1252': 'windows-1252',
};
const kBufferEncoding = { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'windows-1252': 'latin1' };

// How many bytes at the end of `bytes` start a UTF-8 sequence that is not
// complete yet (kept for the next streaming decode).
function incompleteUtf8Tail(bytes) {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;  // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = Buffer.alloc(0);
  #bomSeen = false;

  constructor(label = 'utf-8', options = {}) {
    const key = String(label).trim().toLowerCase();
    const encoding = kDecoderLabels[key];
    if (encoding === undefined) {
      const error = new RangeError(`The "${label}" encoding is not supported`);
      error.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw error;
    }
    this.#encoding = encoding;
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
  }
  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input = undefined, options = {}) {
    let bytes = Buffer.concat([this.#pending, asBytes(input, 'input')]);
    const stream = Boolean(options?.stream);
    this.#pending = Buffer.alloc(0);
    if (stream && this.#encoding === 'utf-8') {
      const tail = incompleteUtf8Tail(bytes);
      this.#pending = Buffer.from(bytes.subarray(bytes.length - tail));
      bytes = bytes.subarray(0, bytes.length - tail);
    }
    let text = bytes.toString(kBufferEncoding[this.#encoding]);
    if (this.#fatal && this.#encoding === 'utf-8' && text.includes('\ufffd') &&
        !Buffer.from(text, 'utf8').equals(bytes)) {
      const error = new TypeError('The encoded data was not valid for encoding utf-8');
      error.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
      throw error;
    }
    if (!this.#ignoreBOM && !this.#bomSeen && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length > 0) this.#bomSeen = stream;
    if (!stream) this.#bomSeen = false;
    return text;
  }
}

function requireArgument(name, count) {
  if (count === 0) {
    const error = new TypeError(`The "${name}" argument must be specified`);
    error.code = 'ERR_MISSING_ARGS';
    throw error;
  }
}

function btoa(input) {
  requireArgument('input', arguments.length);
  const text = String(input);
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  return Buffer.from(text, 'latin1').toString('base64');
}

function atob(input) {
  requireArgument('input', arguments.length);
  const text = String(input).replace(/[\t\n\f\r ]/g, '');
  const unpadded = text.length % 4 === 0 ? text.replace(/={1,2}$/, '') : text;
  if (/[^A-Za-z0-9+/]/.test(unpadded)) throw new DOMException('Invalid character', 'InvalidCharacterError');
  if (unpadded.length % 4 === 1) {
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  return Buffer.from(unpadded, 'base64').toString('latin1');
}

module.exports = { DOMException, TextEncoder, TextDecoder, btoa, atob };
