#include "engine/node/web_globals.h"

#include "engine/node/jslib.h"
#include "engine/node/module_loader.h"
#include "engine/node/process.h"

namespace looplab::node {

void install_web_globals(NodeProcess& p) {
    if (p.modules == nullptr) return;
    p.modules->library().require("internal/bootstrap/web_globals");
}

}  // namespace looplab::node
