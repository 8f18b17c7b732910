'use strict';
// zlib's stream classes (zlib.createGzip() and friends) as Transforms over
// the one-shot codecs of the C++ zlib module: the input is collected and
// compressed or decompressed on the thread pool when the writable side
// ends, so the bytes are exactly those of zlib.gzip(...) and the pool lane
// shows the work. Node feeds its stream chunk by chunk; here the output
// arrives in one piece at the end, which only a program that counts its
// 'data' events can tell apart.

const { Transform } = require('stream');

class ZlibBase extends Transform {
  #method;
  #options;
  #chunks = [];

  constructor(method, options) {
    super({ ...options, objectMode: false });
    this.#method = method;
    this.#options = options ?? {};
    this.bytesWritten = 0;
  }

  _transform(chunk, encoding, callback) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.#chunks.push(bytes);
    this.bytesWritten += bytes.length;
    callback();
  }

  _flush(callback) {
    const input = Buffer.concat(this.#chunks);
    this.#chunks = [];
    require('zlib')[this.#method](input, this.#options, (error, output) => {
      if (error) callback(error);
      else callback(null, output);
    });
  }

  flush(kind, callback) {
    if (typeof kind === 'function') callback = kind;
    if (typeof callback === 'function') process.nextTick(callback);
  }

  close(callback) {
    if (typeof callback === 'function') this.once('close', callback);
    this.destroy();
  }
}

const kClasses = {
  Gzip: 'gzip', Gunzip: 'gunzip', Deflate: 'deflate', Inflate: 'inflate',
  DeflateRaw: 'deflateRaw', InflateRaw: 'inflateRaw', Unzip: 'unzip',
};

for (const [name, method] of Object.entries(kClasses)) {
  const cls = {
    [name]: class extends ZlibBase {
      constructor(options) {
        super(method, options);
      }
    },
  }[name];
  module.exports[name] = cls;
  module.exports[`create${name}`] = (options) => new cls(options);
}
