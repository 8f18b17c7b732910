// ?. short-circuits on null/undefined for properties, calls and indexing.
const cfg = { server: { port: 8080, hosts: ['a', 'b'] }, log() { return 'logged'; } };
console.log(cfg.server?.port);
console.log(cfg.client?.port);
console.log(cfg.server?.hosts?.[1]);
console.log(cfg.log?.(), cfg.missing?.());
console.log(cfg.client?.deeply.nested.chain);
const nothing = null;
console.log(nothing?.a.b.c, typeof nothing?.());
try { cfg.client.port; } catch (e) { console.log(e.constructor.name); }
