// Finding the main script the way `node FILE` does, and failing the way it
// does when there is none.
#pragma once

#include <optional>
#include <string>

namespace looplab::app {

// Resolves `arg` like Node's main-module lookup: the file itself, then with
// .js/.json/.node appended, then a folder's package.json "main" or index.js.
// Returns the absolute path, or nothing if no file matches.
std::optional<std::string> resolve_script(const std::string& arg);

// Prints Node 20's "Cannot find module" error for `arg` to stderr, byte for
// byte as `node nope.js` does, and returns Node's exit code for it (1).
int report_missing_script(const std::string& arg);

}  // namespace looplab::app
