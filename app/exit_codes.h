// Exit codes shared by every subcommand (docs/cli.md lists them).
#pragma once

namespace looplab::app {

inline constexpr int kExitBadUsage = 9;        // like node: an unknown flag, a missing argument
inline constexpr int kExitInternalError = 70;  // EX_SOFTWARE: the engine itself failed

}  // namespace looplab::app
