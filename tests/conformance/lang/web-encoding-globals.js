// TextEncoder/TextDecoder, btoa/atob and DOMException as Node's globals.
const enc = new TextEncoder();
const bytes = enc.encode('héllo €👍');
console.log(enc.encoding, bytes.length, bytes, bytes instanceof Uint8Array);
const target = new Uint8Array(5);
console.log(enc.encodeInto('hé€', target), target);
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM, dec.decode(bytes), dec.decode(), JSON.stringify(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68]))));
const euro = enc.encode('€');
const streaming = new TextDecoder();
console.log(JSON.stringify(streaming.decode(euro.subarray(0, 1), { stream: true })), streaming.decode(euro.subarray(1)));
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0])), new TextDecoder('latin1').encoding);
try { new TextDecoder('klingon'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code); }
console.log(btoa('hello'), atob('aGVsbG8='), atob(' aGk '), btoa(String.fromCharCode(255, 254)));
for (const bad of [() => btoa('€'), () => atob('*'), () => atob('a')]) {
  try { bad(); } catch (e) { console.log(e.name, e.message, e instanceof DOMException, e instanceof Error, e.code); }
}
const d = new DOMException('gone', 'AbortError');
console.log(d.name, d.message, d.code, Object.prototype.toString.call(d));
console.log(typeof URL, typeof URLSearchParams, Object.keys(globalThis).includes('URL'));
globalThis.atob = 'replaced';
console.log(atob);
console.log(require('url').URL === URL, require('node:url').URLSearchParams === URLSearchParams);
const { fileURLToPath, pathToFileURL, format } = require('url');
console.log(fileURLToPath('file:///tmp/a%20b.txt'), pathToFileURL('/tmp/x y#z.js').href);
console.log(format({ protocol: 'https', hostname: 'ex.com', pathname: '/p', query: { a: 1, b: 'c d' } }));
console.log(format(new URL('https://u:p@ex.com/x?y#z'), { auth: false, search: false, fragment: false }));
