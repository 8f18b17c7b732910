// The web platform globals Node defines (URL, URLSearchParams, TextEncoder,
// TextDecoder, DOMException, btoa, atob), written in JavaScript in
// engine/node/lib and installed lazily on globalThis.
#pragma once

namespace looplab::node {

class NodeProcess;

// Needs process.modules (the library lives in the module loader).
void install_web_globals(NodeProcess& p);

}  // namespace looplab::node
