'use strict';
// require('string_decoder'): decodes Buffers into strings across chunk
// boundaries, keeping the bytes of a character split between two chunks
// until the rest arrives (UTF-8, UTF-16LE, base64).

const { makeError } = require('internal/errors');

function normalizeEncoding(enc) {
  const e = enc == null || enc === '' ? 'utf8' : String(enc).toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return e;
    default: return undefined;
  }
}

// Bytes at the end of `buf` that start a UTF-8 character not yet complete.
function utf8IncompleteTail(buf) {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

function utf16IncompleteTail(buf) {
  let tail = buf.length % 2;
  const end = buf.length - tail;
  if (end >= 2) {
    const unit = buf[end - 2] | (buf[end - 1] << 8);
    if (unit >= 0xd800 && unit <= 0xdbff) tail += 2; // a lead surrogate waits for its pair
  }
  return tail;
}

function tailLength(encoding, buf) {
  switch (encoding) {
    case 'utf8': return utf8IncompleteTail(buf);
    case 'utf16le': return utf16IncompleteTail(buf);
    case 'base64': case 'base64url': return buf.length % 3;
    default: return 0;
  }
}

class StringDecoder {
  constructor(encoding) {
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) throw makeError('ERR_UNKNOWN_ENCODING', encoding);
    this.encoding = normalized;
    this.pending = Buffer.alloc(0);
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!(buf instanceof Uint8Array)) {
      throw makeError('ERR_INVALID_ARG_TYPE', 'buf', 'an instance of Buffer, TypedArray, or DataView', buf);
    }
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this.pending.length) bytes = Buffer.concat([this.pending, bytes]);
    const keep = tailLength(this.encoding, bytes);
    this.pending = Buffer.from(bytes.subarray(bytes.length - keep));
    return bytes.toString(this.encoding, 0, bytes.length - keep);
  }

  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this.pending.length) {
      out += this.encoding === 'utf8' ? '\ufffd' : this.pending.toString(this.encoding);
      this.pending = Buffer.alloc(0);
    }
    return out;
  }

  text(buf, offset) {
    return this.write(buf.subarray(offset));
  }

  get lastNeed() {
    return this.pending.length ? 1 : 0;
  }
}

module.exports = { StringDecoder };
