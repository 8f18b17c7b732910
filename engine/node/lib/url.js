'use strict';
// The WHATWG URL Standard's URL and URLSearchParams, as Node exposes them
// (globals and require('url')), with the legacy helpers programs still
// use: fileURLToPath, pathToFileURL, format. The parser follows the
// standard's state machine closely enough for the URLs programs build:
// special schemes with default ports, credentials, IPv4 shorthand, dot
// segments, percent-encode sets, relative references against a base.

const kSpecialPorts = { 'ftp:': '21', 'file:': '', 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };
const isSpecial = (protocol) => Object.prototype.hasOwnProperty.call(kSpecialPorts, protocol);

function invalidUrl(input, base) {
  const error = new TypeError('Invalid URL');
  error.code = 'ERR_INVALID_URL';
  error.input = input;
  if (base !== undefined) error.base = base;
  return error;
}

// ---- percent-encoding ----

const C0_CONTROL = (c) => c < 0x20 || c > 0x7e;
const FRAGMENT_SET = (c) => C0_CONTROL(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const QUERY_SET = (c) => C0_CONTROL(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const SPECIAL_QUERY_SET = (c) => QUERY_SET(c) || c === 0x27;
const PATH_SET = (c) => QUERY_SET(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
const USERINFO_SET = (c) =>
  PATH_SET(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
  (c >= 0x5b && c <= 0x5e) || c === 0x7c;

function utf8PercentEncode(ch) {
  try {
    return encodeURIComponent(ch).replace(/%[0-9a-f]{2}/g, (s) => s.toUpperCase());
  } catch {
    return '%EF%BF%BD';  // a lone surrogate becomes U+FFFD
  }
}

function percentEncode(text, inSet) {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c > 0x7e) out += utf8PercentEncode(ch);
    else if (inSet(c)) out += '%' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out;
}

function percentDecodeToString(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(ch)) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// ---- hosts ----

function parseIPv4Number(part) {
  if (part === '') return NaN;
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^[0-9]+$/.test(part)) return parseInt(part, 10);
  return NaN;
}

// Returns the serialised IPv4 address, null when `host` is not one, or
// undefined when it looks like one but is out of range (a failure).
function parseIPv4(host) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4 || parts.length === 0) return null;
  const last = parts[parts.length - 1];
  if (!/^(0[xX][0-9a-fA-F]*|[0-9]+)$/.test(last)) return null;
  const numbers = parts.map(parseIPv4Number);
  if (numbers.some(Number.isNaN)) return undefined;
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return undefined;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return undefined;
  let value = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) value += numbers[i] * 256 ** (3 - i);
  const octets = [];
  for (let i = 3; i >= 0; i--) octets.push(Math.floor(value / 256 ** i) % 256);
  return octets.join('.');
}

const FORBIDDEN_HOST = /[\x00\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\x00-\x1f\t\n\r #%/:<>?@[\\\]^|\x7f]/;

// The host as the URL serialises it, or undefined on failure.
function parseHost(input, special) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']') || !/^[0-9a-fA-F:.]+$/.test(input.slice(1, -1))) return undefined;
    return input.toLowerCase();
  }
  if (!special) return FORBIDDEN_HOST.test(input) ? undefined : percentEncode(input, C0_CONTROL);
  const domain = percentDecodeToString(input).toLowerCase();
  if (domain === '' || FORBIDDEN_DOMAIN.test(domain)) return undefined;
  const ipv4 = parseIPv4(domain);
  if (ipv4 === undefined) return undefined;
  return ipv4 === null ? domain : ipv4;
}

// ---- the parser ----

function emptyRecord() {
  return { protocol: '', username: '', password: '', hostname: null, port: '', path: [], opaque: null,
           query: null, fragment: null };
}

const isDotSegment = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

function appendPath(record, text, special) {
  const segments = special ? text.split(/[/\\]/) : text.split('/');
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (isDoubleDot(segment)) {
      if (record.path.length > 0) record.path.pop();
      if (last) record.path.push('');
    } else if (isDotSegment(segment)) {
      if (last) record.path.push('');
    } else {
      record.path.push(percentEncode(segment, PATH_SET));
    }
  });
}

function splitRest(rest, record, special) {
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    record.fragment = percentEncode(rest.slice(hashAt + 1), FRAGMENT_SET);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    record.query = percentEncode(rest.slice(queryAt + 1), special ? SPECIAL_QUERY_SET : QUERY_SET);
    rest = rest.slice(0, queryAt);
  }
  return rest;
}

function parseAuthority(authority, record, special) {
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    record.username = percentEncode(colon >= 0 ? userinfo.slice(0, colon) : userinfo, USERINFO_SET);
    record.password = colon >= 0 ? percentEncode(userinfo.slice(colon + 1), USERINFO_SET) : '';
    authority = authority.slice(at + 1);
  }
  const portMatch = /:([^:\]]*)$/.exec(authority);
  let host = authority;
  if (portMatch) {
    host = authority.slice(0, portMatch.index);
    const port = portMatch[1];
    if (port !== '') {
      if (!/^[0-9]+$/.test(port) || Number(port) > 65535) return false;
      const number = String(Number(port));
      record.port = number === kSpecialPorts[record.protocol] ? '' : number;
    }
  }
  if (host === '') {
    if (special && record.protocol !== 'file:') return false;
    record.hostname = '';
    return true;
  }
  const parsed = parseHost(host, special);
  if (parsed === undefined) return false;
  record.hostname = record.protocol === 'file:' && parsed === 'localhost' ? '' : parsed;
  return true;
}

// Parses everything after "scheme:" for a URL with no usable base.
function parseAfterScheme(rest, record) {
  const special = isSpecial(record.protocol);
  const hasAuthority = special ? /^[/\\]{2}/.test(rest) || record.protocol !== 'file:' : rest.startsWith('//');
  if (special && record.protocol !== 'file:') rest = rest.replace(/^[/\\]*/, '');
  else if (hasAuthority) rest = rest.slice(2);
  rest = splitRest(rest, record, special);
  if (!hasAuthority && !special && !rest.startsWith('/')) {
    record.opaque = percentEncode(rest, C0_CONTROL);
    return true;
  }
  let path = rest;
  if (hasAuthority) {
    const end = rest.search(special ? /[/\\]/ : /\//);
    const authority = end >= 0 ? rest.slice(0, end) : rest;
    path = end >= 0 ? rest.slice(end) : '';
    if (!parseAuthority(authority, record, special)) return false;
  }
  if (path !== '' || special) appendPath(record, path.replace(/^[/\\]/, ''), special);
  return true;
}

function copyAuthority(record, base) {
  record.username = base.username;
  record.password = base.password;
  record.hostname = base.hostname;
  record.port = base.port;
}

function parseRelative(input, base) {
  const record = emptyRecord();
  record.protocol = base.protocol;
  const special = isSpecial(base.protocol);
  const slash = special ? /^[/\\]/ : /^\//;
  if ((special ? /^[/\\]{2}/ : /^\/\//).test(input)) return parseAfterScheme(input, record) ? record : null;
  copyAuthority(record, base);
  if (slash.test(input)) {
    const rest = splitRest(input, record, special);
    appendPath(record, rest.slice(1), special);
    return record;
  }
  record.path = base.path.slice();
  record.query = base.query;
  if (input.startsWith('#') || input === '') {
    splitRest(input, record, special);
    if (input === '') record.fragment = null;
    return record;
  }
  if (input.startsWith('?')) {
    splitRest(input, record, special);
    return record;
  }
  record.query = null;
  const rest = splitRest(input, record, special);
  record.path.pop();
  appendPath(record, rest, special);
  return record;
}

function parseUrl(input, baseRecord) {
  input = String(input).replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+\-.]*):/.exec(input);
  if (scheme) {
    const protocol = scheme[1].toLowerCase() + ':';
    const rest = input.slice(scheme[0].length);
    if (baseRecord && protocol === baseRecord.protocol && isSpecial(protocol) && !/^[/\\]/.test(rest)) {
      return parseRelative(rest, baseRecord);
    }
    const record = emptyRecord();
    record.protocol = protocol;
    return parseAfterScheme(rest, record) ? record : null;
  }
  if (!baseRecord) return null;
  if (baseRecord.opaque !== null) {
    if (!input.startsWith('#')) return null;
    const record = { ...baseRecord, path: [] };
    record.fragment = percentEncode(input.slice(1), FRAGMENT_SET);
    return record;
  }
  return parseRelative(input, baseRecord);
}

function serializeHost(record) {
  if (record.hostname === null) return '';
  return record.port === '' ? record.hostname : `${record.hostname}:${record.port}`;
}

function serializePath(record) {
  if (record.opaque !== null) return record.opaque;
  if (record.path.length === 0) return '';
  return '/' + record.path.join('/');
}

function serializeUrl(record, excludeFragment) {
  let out = record.protocol;
  if (record.hostname !== null) {
    out += '//';
    if (record.username !== '' || record.password !== '') {
      out += record.username + (record.password !== '' ? ':' + record.password : '') + '@';
    }
    out += serializeHost(record);
  } else if (record.opaque === null && record.path.length > 1 && record.path[0] === '') {
    out += '/.';
  }
  out += serializePath(record);
  if (record.query !== null) out += '?' + record.query;
  if (!excludeFragment && record.fragment !== null) out += '#' + record.fragment;
  return out;
}

// ---- URLSearchParams ----

const FORM_SAFE = /[*\-._0-9A-Za-z]/;

function formEncode(text) {
  let out = '';
  for (const ch of String(text)) {
    if (ch === ' ') out += '+';
    else if (ch.length === 1 && FORM_SAFE.test(ch)) out += ch;
    else out += ch.codePointAt(0) > 0x7f ? utf8PercentEncode(ch) : '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function parseForm(query) {
  const list = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq >= 0 ? piece.slice(0, eq) : piece;
    const value = eq >= 0 ? piece.slice(eq + 1) : '';
    list.push([percentDecodeToString(name.replace(/\+/g, ' ')), percentDecodeToString(value.replace(/\+/g, ' '))]);
  }
  return list;
}

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const entry = [...pair];
          if (entry.length !== 2) {
            const error = new TypeError('Each query pair must be an iterable [name, value] tuple');
            error.code = 'ERR_INVALID_TUPLE';
            throw error;
          }
          this.#list.push([String(entry[0]), String(entry[1])]);
        }
      } else {
        for (const key of Object.keys(init)) this.#list.push([key, String(init[key])]);
      }
      return;
    }
    const text = String(init);
    this.#list = parseForm(text.startsWith('?') ? text.slice(1) : text);
  }

  static attach(params, url) {
    params.#url = url;
  }
  static reset(params, query) {
    params.#list = query === null ? [] : parseForm(query);
  }

  #update() {
    if (this.#url !== null) URL.setQueryFromParams(this.#url, this.toString());
  }

  get size() { return this.#list.length; }
  append(name, value) {
    this.#list.push([String(name), String(value)]);
    this.#update();
  }
  delete(name, value = undefined) {
    name = String(name);
    this.#list = this.#list.filter(([n, v]) => n !== name || (value !== undefined && v !== String(value)));
    this.#update();
  }
  get(name) {
    name = String(name);
    const found = this.#list.find(([n]) => n === name);
    return found ? found[1] : null;
  }
  getAll(name) {
    name = String(name);
    return this.#list.filter(([n]) => n === name).map(([, v]) => v);
  }
  has(name, value = undefined) {
    name = String(name);
    return this.#list.some(([n, v]) => n === name && (value === undefined || v === String(value)));
  }
  set(name, value) {
    name = String(name);
    value = String(value);
    const first = this.#list.findIndex(([n]) => n === name);
    if (first < 0) this.#list.push([name, value]);
    else {
      this.#list[first][1] = value;
      this.#list = this.#list.filter(([n], i) => n !== name || i === first);
    }
    this.#update();
  }
  sort() {
    this.#list = this.#list
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => (a.entry[0] < b.entry[0] ? -1 : a.entry[0] > b.entry[0] ? 1 : a.index - b.index))
      .map(({ entry }) => entry);
    this.#update();
  }
  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      const error = new TypeError(`The "callback" argument must be of type function. Received ${callback === undefined ? 'undefined' : typeof callback}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    for (let i = 0; i < this.#list.length; i++) callback.call(thisArg, this.#list[i][1], this.#list[i][0], this);
  }
  *keys() { for (const [n] of this.#list) yield n; }
  *values() { for (const [, v] of this.#list) yield v; }
  *entries() { for (const [n, v] of this.#list) yield [n, v]; }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this.#list.map(([n, v]) => `${formEncode(n)}=${formEncode(v)}`).join('&'); }
  get [Symbol.toStringTag]() { return 'URLSearchParams'; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return '[Object]';
    const inner = { ...options, depth: depth - 1 };
    const parts = this.#list.map(([n, v]) => `${inspect(n, inner)} => ${inspect(v, inner)}`);
    if (parts.length === 0) return 'URLSearchParams {}';
    const length = parts.reduce((sum, part) => sum + part.length + 2, -2);
    if (length > options.breakLength) return `URLSearchParams {\n  ${parts.join(',\n  ')} }`;
    return `URLSearchParams { ${parts.join(', ')} }`;
  }
}

// ---- URL ----

class URL {
  #record;
  #searchParams = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) {
      const error = new TypeError('The "url" argument must be specified');
      error.code = 'ERR_MISSING_ARGS';
      throw error;
    }
    input = String(input);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = parseUrl(String(base), null);
      if (baseRecord === null) throw invalidUrl(input, String(base));
    }
    const record = parseUrl(input, baseRecord);
    if (record === null) throw invalidUrl(input, base === undefined ? undefined : String(base));
    this.#record = record;
  }

  static canParse(input, base = undefined) {
    try {
      new URL(input, base);
      return true;
    } catch {
      return false;
    }
  }

  static setQueryFromParams(url, query) {
    url.#record.query = query === '' ? null : query;
  }

  #reparse(href) {
    const record = parseUrl(href, null);
    if (record !== null) this.#record = record;
    if (this.#searchParams !== null) URLSearchParams.reset(this.#searchParams, this.#record.query);
  }

  get href() { return serializeUrl(this.#record, false); }
  set href(value) {
    const record = parseUrl(String(value), null);
    if (record === null) throw invalidUrl(String(value));
    this.#reparse(serializeUrl(record, false));
  }
  get origin() {
    const r = this.#record;
    if (r.protocol === 'blob:') {
      try { return new URL(serializePath(r)).origin; } catch { return 'null'; }
    }
    if (!isSpecial(r.protocol) || r.protocol === 'file:') return 'null';
    return `${r.protocol}//${serializeHost(r)}`;
  }
  get protocol() { return this.#record.protocol; }
  set protocol(value) {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+\-.]*):?/.exec(String(value));
    if (!scheme) return;
    const protocol = scheme[1].toLowerCase() + ':';
    if (isSpecial(protocol) !== isSpecial(this.#record.protocol)) return;
    this.#record.protocol = protocol;
    if (this.#record.port === kSpecialPorts[protocol]) this.#record.port = '';
  }
  get username() { return this.#record.username; }
  set username(value) { if (this.#record.hostname) this.#record.username = percentEncode(String(value), USERINFO_SET); }
  get password() { return this.#record.password; }
  set password(value) { if (this.#record.hostname) this.#record.password = percentEncode(String(value), USERINFO_SET); }
  get host() { return serializeHost(this.#record); }
  set host(value) {
    if (this.#record.opaque !== null) return;
    const copy = { ...this.#record, path: this.#record.path.slice(), port: '' };
    if (parseAuthority(String(value), copy, isSpecial(copy.protocol))) this.#record = copy;
  }
  get hostname() { return this.#record.hostname ?? ''; }
  set hostname(value) {
    if (this.#record.opaque !== null) return;
    const host = parseHost(String(value), isSpecial(this.#record.protocol));
    if (host !== undefined && host !== '') this.#record.hostname = host;
  }
  get port() { return this.#record.port; }
  set port(value) {
    const digits = /^[0-9]*/.exec(String(value))[0];
    if (this.#record.hostname === null || this.#record.protocol === 'file:') return;
    if (digits === '') {
      if (String(value) === '') this.#record.port = '';
      return;
    }
    if (Number(digits) > 65535) return;
    const number = String(Number(digits));
    this.#record.port = number === kSpecialPorts[this.#record.protocol] ? '' : number;
  }
  get pathname() { return serializePath(this.#record); }
  set pathname(value) {
    if (this.#record.opaque !== null) return;
    const special = isSpecial(this.#record.protocol);
    this.#record.path = [];
    appendPath(this.#record, String(value).replace(special ? /^[/\\]/ : /^\//, ''), special);
  }
  get search() { return this.#record.query ? '?' + this.#record.query : ''; }
  set search(value) {
    const text = String(value).replace(/^\?/, '');
    const special = isSpecial(this.#record.protocol);
    this.#record.query = text === '' ? null : percentEncode(text, special ? SPECIAL_QUERY_SET : QUERY_SET);
    if (this.#searchParams !== null) URLSearchParams.reset(this.#searchParams, this.#record.query);
  }
  get searchParams() {
    if (this.#searchParams === null) {
      this.#searchParams = new URLSearchParams(this.#record.query ?? '');
      URLSearchParams.attach(this.#searchParams, this);
    }
    return this.#searchParams;
  }
  get hash() { return this.#record.fragment ? '#' + this.#record.fragment : ''; }
  set hash(value) {
    const text = String(value).replace(/^#/, '');
    this.#record.fragment = text === '' ? null : percentEncode(text, FRAGMENT_SET);
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
  get [Symbol.toStringTag]() { return 'URL'; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const fields = {};
    for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
                       'pathname', 'search', 'searchParams', 'hash']) {
      fields[key] = this[key];
    }
    return `${this.constructor.name} ${inspect(fields, options)}`;
  }
}

for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname',
                    'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  Object.defineProperty(URL.prototype, name, { enumerable: true });
}
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'forEach', 'keys', 'values',
                    'entries', 'toString', 'size']) {
  Object.defineProperty(URLSearchParams.prototype, name, { enumerable: true });
}

// ---- legacy helpers ----

function invalidArgType(name, expected, value) {
  const received = value === null ? 'null' : value === undefined ? 'undefined' : `type ${typeof value} (${String(value)})`;
  const error = new TypeError(`The "${name}" argument must be ${expected}. Received ${received}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!(path instanceof URL)) throw invalidArgType('path', 'of type string or an instance of URL', path);
  if (path.protocol !== 'file:') {
    const error = new TypeError('The URL must be of scheme file');
    error.code = 'ERR_INVALID_URL_SCHEME';
    throw error;
  }
  if (path.hostname !== '') {
    const error = new TypeError(`File URL host must be "localhost" or empty on linux`);
    error.code = 'ERR_INVALID_FILE_URL_HOST';
    throw error;
  }
  if (/%2f/i.test(path.pathname)) {
    const error = new TypeError('File URL path must not include encoded / characters');
    error.code = 'ERR_INVALID_FILE_URL_PATH';
    throw error;
  }
  return percentDecodeToString(path.pathname);
}

function pathToFileURL(filepath) {
  const pathModule = require('path');
  let resolved = pathModule.resolve(String(filepath));
  if (String(filepath).endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = resolved.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return url;
}

function format(urlObject, options = undefined) {
  if (urlObject instanceof URL) {
    const opts = { auth: true, fragment: true, search: true, unicode: false, ...options };
    const record = parseUrl(urlObject.href, null);
    if (!opts.auth) { record.username = ''; record.password = ''; }
    if (!opts.search) record.query = null;
    if (!opts.fragment) record.fragment = null;
    return serializeUrl(record, false);
  }
  if (typeof urlObject === 'string') return urlObject;
  const o = urlObject;
  let out = o.protocol ? (o.protocol.endsWith(':') ? o.protocol : o.protocol + ':') : '';
  const host = o.host ?? (o.hostname ? o.hostname + (o.port ? ':' + o.port : '') : '');
  if (o.slashes || host || isSpecial(out)) out += '//';
  if (o.auth) out += encodeURIComponent(o.auth).replace(/%3A/i, ':') + '@';
  out += host;
  out += o.pathname ?? '';
  if (o.search) out += o.search.startsWith('?') ? o.search : '?' + o.search;
  else if (o.query && typeof o.query === 'object') {
    const query = Object.keys(o.query)
      .flatMap((k) => [].concat(o.query[k]).map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
      .join('&');
    if (query) out += '?' + query;
  }
  if (o.hash) out += o.hash.startsWith('#') ? o.hash : '#' + o.hash;
  return out;
}

module.exports = { URL, URLSearchParams, fileURLToPath, pathToFileURL, format };
