'use strict';
// The WHATWG fetch API of Node 20 (globalThis.fetch, Headers, Request,
// Response) over looplab's own http client, so a program can fetch from a
// server it started. Requests carry the headers Node's fetch sends, in its
// order; the response resolves when its headers arrive and its body is read
// with text(), json() or arrayBuffer(). Only http: URLs can be fetched:
// looplab's network is a simulated loopback (docs/networking.md).

const http = require('http');
const zlib = require('zlib');

const kForbiddenBodyMethods = ['GET', 'HEAD'];
const kNormalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const kRedirectStatuses = [301, 302, 303, 307, 308];
const kMaxRedirects = 20;
// A Response made by fetch() (rather than by user code) gets its http
// response through this key.
const kFromNetwork = Symbol('fetched');

function fetchTypeError(message, cause) {
  const error = new TypeError(message);
  if (cause !== undefined) error.cause = cause;
  return error;
}

function abortError() {
  const { DOMException } = require('internal/web');
  return new DOMException('This operation was aborted', 'AbortError');
}

// ---- Headers: case-insensitive names, iterated sorted, values combined ----

class Headers {
  #entries = new Map();  // lower-case name -> { name (as first given), values }

  constructor(init = undefined) {
    if (init == null) return;
    if (init instanceof Headers) {
      for (const [name, value] of init.#raw()) this.append(name, value);
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const list = [...pair];
        if (list.length !== 2) throw fetchTypeError('Headers constructor: expected name/value pair to be length 2, found ' + list.length + '.');
        this.append(list[0], list[1]);
      }
    } else if (typeof init === 'object') {
      for (const name of Object.keys(init)) this.append(name, init[name]);
    } else {
      throw fetchTypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
  }

  append(name, value) {
    name = checkName(name);
    value = normalizeValue(value);
    const key = name.toLowerCase();
    const entry = this.#entries.get(key);
    if (entry) entry.values.push(value);
    else this.#entries.set(key, { name, values: [value] });
  }
  set(name, value) {
    name = checkName(name);
    const key = name.toLowerCase();
    const entry = this.#entries.get(key);
    if (entry) entry.values = [normalizeValue(value)];
    else this.#entries.set(key, { name, values: [normalizeValue(value)] });
  }
  delete(name) { this.#entries.delete(checkName(name).toLowerCase()); }
  has(name) { return this.#entries.has(checkName(name).toLowerCase()); }
  get(name) {
    const entry = this.#entries.get(checkName(name).toLowerCase());
    return entry ? entry.values.join(', ') : null;
  }
  getSetCookie() {
    const entry = this.#entries.get('set-cookie');
    return entry ? [...entry.values] : [];
  }
  forEach(callback, thisArg = undefined) {
    for (const [name, value] of this) callback.call(thisArg, value, name, this);
  }
  *entries() {
    for (const key of [...this.#entries.keys()].sort()) {
      const entry = this.#entries.get(key);
      if (key === 'set-cookie') for (const value of entry.values) yield [key, value];
      else yield [key, entry.values.join(', ')];
    }
  }
  *keys() { for (const [name] of this.entries()) yield name; }
  *values() { for (const [, value] of this.entries()) yield value; }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'Headers'; }

  // The pairs in the order they were added, names as given: what goes on
  // the wire.
  #raw() {
    const pairs = [];
    for (const { name, values } of this.#entries.values()) for (const value of values) pairs.push([name, value]);
    return pairs;
  }
  static rawPairs(headers) { return headers.#raw(); }
}

function checkName(name) {
  name = String(name);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw fetchTypeError(`Headers.append: "${name}" is an invalid header name.`);
  return name;
}

function normalizeValue(value) {
  return String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

// ---- bodies ----

// What a Request or Response body holds: bytes, or an http response still
// arriving, and the content type its kind implies.
function extractBody(body) {
  if (body == null) return { bytes: null, type: null };
  if (typeof body === 'string') return { bytes: Buffer.from(body), type: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) {
    return { bytes: Buffer.from(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(new Uint8Array(body)), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), type: null };
  return { bytes: Buffer.from(String(body)), type: 'text/plain;charset=UTF-8' };
}

class Body {
  #bytes;       // Buffer or null
  #incoming;    // an http.IncomingMessage whose bytes are still arriving
  #used = false;

  constructor(bytes, incoming) {
    this.#bytes = bytes;
    this.#incoming = incoming;
  }
  get bodyUsed() { return this.#used; }
  get body() { return null; }

  async arrayBuffer() {
    const bytes = await this.#consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async text() { return (await this.#consume()).toString('utf8'); }
  async json() { return JSON.parse((await this.#consume()).toString('utf8')); }

  #consume() {
    if (this.#used) return Promise.reject(fetchTypeError('Body is unusable: Body has already been read'));
    this.#used = true;
    if (!this.#incoming) return Promise.resolve(this.#bytes || Buffer.alloc(0));
    const incoming = this.#incoming;
    return new Promise((resolve, reject) => {
      const chunks = [];
      incoming.on('data', (chunk) => chunks.push(chunk));
      incoming.on('end', () => resolve(decode(Buffer.concat(chunks), incoming.headers['content-encoding'])));
      incoming.on('error', (error) => reject(fetchTypeError('terminated', error)));
    });
  }
  static bytesOf(body) { return body.#bytes; }
}

function decode(bytes, encoding) {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(bytes);
  if (encoding === 'deflate') return zlib.inflateSync(bytes);
  return bytes;
}

// ---- Request ----

function parseUrl(input) {
  try {
    return new URL(String(input));
  } catch (error) {
    throw fetchTypeError('Failed to parse URL from ' + String(input), error);
  }
}

class Request extends Body {
  #url; #method; #headers; #signal; #redirect;

  constructor(input, init = {}) {
    init = init ?? {};
    const from = input instanceof Request ? input : null;
    const url = from ? from.url : parseUrl(input).href;
    let method = init.method !== undefined ? String(init.method) : from ? from.method : 'GET';
    if (kNormalizedMethods.includes(method.toUpperCase())) method = method.toUpperCase();
    const { bytes, type } = init.body !== undefined ? extractBody(init.body)
                                                    : { bytes: from ? Body.bytesOf(from) : null, type: null };
    if (bytes !== null && kForbiddenBodyMethods.includes(method)) {
      throw fetchTypeError('Request with GET/HEAD method cannot have body.');
    }
    super(bytes, null);
    this.#url = url;
    this.#method = method;
    this.#headers = new Headers(init.headers ?? (from ? from.headers : undefined));
    if (type !== null && !this.#headers.has('content-type')) this.#headers.append('content-type', type);
    this.#signal = init.signal ?? (from ? from.signal : null);
    this.#redirect = init.redirect ?? (from ? from.redirect : 'follow');
  }
  get url() { return this.#url; }
  get method() { return this.#method; }
  get headers() { return this.#headers; }
  get signal() { return this.#signal; }
  get redirect() { return this.#redirect; }
  get [Symbol.toStringTag]() { return 'Request'; }
  clone() { return new Request(this); }
}

// ---- Response ----

class Response extends Body {
  #status; #statusText; #headers; #url; #redirected; #type;

  constructor(body = null, init = {}, fetched = undefined) {
    init = init ?? {};
    const internal = fetched?.[kFromNetwork];
    const { bytes, type } = internal ? { bytes: null, type: null } : extractBody(body);
    super(bytes, internal ? internal.incoming : null);
    const status = init.status ?? 200;
    if (status < 200 || status > 599) {
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    }
    this.#status = status;
    this.#statusText = init.statusText ?? '';
    this.#headers = new Headers(init.headers);
    if (type !== null && !this.#headers.has('content-type')) this.#headers.append('content-type', type);
    this.#url = internal ? internal.url : '';
    this.#redirected = internal ? internal.redirected : false;
    this.#type = internal ? 'basic' : 'default';
  }
  get status() { return this.#status; }
  get statusText() { return this.#statusText; }
  get ok() { return this.#status >= 200 && this.#status <= 299; }
  get headers() { return this.#headers; }
  get url() { return this.#url; }
  get redirected() { return this.#redirected; }
  get type() { return this.#type; }
  get [Symbol.toStringTag]() { return 'Response'; }

  static json(data, init = {}) {
    const headers = new Headers(init?.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(data), { ...init, headers });
  }
  static redirect(url, status = 302) {
    return new Response(null, { status, headers: { location: parseUrl(url).href } });
  }
}

// ---- fetch ----

// The header list Node's fetch sends: host and connection first, then the
// request's own headers, then its defaults for what is still missing.
function wireHeaders(url, request, bodyLength) {
  const pairs = [['host', url.host], ['connection', 'keep-alive'], ...Headers.rawPairs(request.headers)];
  const has = (name) => request.headers.has(name);
  if (!has('accept')) pairs.push(['accept', '*/*']);
  if (!has('accept-language')) pairs.push(['accept-language', '*']);
  if (!has('sec-fetch-mode')) pairs.push(['sec-fetch-mode', 'cors']);
  if (!has('user-agent')) pairs.push(['user-agent', 'node']);
  if (!has('accept-encoding')) pairs.push(['accept-encoding', 'gzip, deflate']);
  if (bodyLength !== null) pairs.push(['content-length', String(bodyLength)]);
  return pairs.flat();
}

let agent = null;

// One HTTP exchange: resolves with the http.IncomingMessage once its
// headers arrived.
function exchange(url, request, body) {
  agent ??= new http.Agent({ keepAlive: true });
  const needsLength = body !== null || !kForbiddenBodyMethods.includes(request.method);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port || 80,
      path: url.pathname + url.search,
      method: request.method,
      headers: wireHeaders(url, request, needsLength ? (body ? body.length : 0) : null),
      agent,
    }, resolve);
    const signal = request.signal;
    if (signal) {
      const onAbort = () => { req.destroy(); reject(abortError()); };
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => signal.removeEventListener('abort', onAbort));
    }
    req.on('error', (error) => reject(fetchTypeError('fetch failed', error)));
    req.end(body ?? undefined);
  });
}

async function fetch(input, init = undefined) {
  let request = new Request(input, init);
  if (request.signal?.aborted) throw abortError();
  let body = Body.bytesOf(request);
  let url = new URL(request.url);
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:') {
      const reason = url.protocol === 'https:' ? 'looplab models http only, not https' : 'unknown scheme';
      throw fetchTypeError('fetch failed', new Error(reason));
    }
    const incoming = await exchange(url, request, body);
    const location = incoming.headers.location;
    if (kRedirectStatuses.includes(incoming.statusCode) && location !== undefined && request.redirect !== 'manual') {
      incoming.resume();
      if (request.redirect === 'error') throw fetchTypeError('fetch failed', new Error('unexpected redirect'));
      if (redirects + 1 > kMaxRedirects) throw fetchTypeError('fetch failed', new Error('redirect count exceeded'));
      url = new URL(location, url);
      const keepsBody = incoming.statusCode === 307 || incoming.statusCode === 308;
      if (!keepsBody && request.method !== 'HEAD') {
        const headers = new Headers(request.headers);
        headers.delete('content-type');
        headers.delete('content-length');
        request = new Request(url.href, { method: 'GET', headers, signal: request.signal, redirect: request.redirect });
        body = null;
      }
      continue;
    }
    const headers = [];
    for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
      headers.push([incoming.rawHeaders[i], incoming.rawHeaders[i + 1]]);
    }
    return new Response(null, { status: incoming.statusCode, statusText: incoming.statusMessage, headers },
                        { [kFromNetwork]: { incoming, url: url.href, redirected: redirects > 0 } });
  }
}

module.exports = { fetch, Headers, Request, Response };
