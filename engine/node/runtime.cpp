// TEMPORARY: replaced by the real engine entry point as the VM lands.
#include "engine/node/runtime.h"

namespace looplab::node {

RunResult run_program(const RunConfig& config, OutputSink& out) {
    out.write(Stream::Stderr, "looplab: the engine is not built yet\n");
    return RunResult{70};
}

}  // namespace looplab::node
