// Node's built-in modules as require() finds them. Each module lives in its
// own engine/node/module_*.cpp and exposes a create function that builds
// the module's exports object for one isolate; modules.cpp lists them in one
// table, so adding a module is one file and one line.
#pragma once

#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::node {

// Builds the exports of a built-in module. Called at most once per isolate
// (require caches the result).
using ModuleFactory = js::Value (*)(js::Isolate& isolate);

struct BuiltinModule {
    std::string_view name;  // as in require('name'); 'node:' prefixes are stripped first
    ModuleFactory create;
};

// The factory for a module name, or nullptr when Node has no such module
// (or looplab does not model it).
ModuleFactory find_builtin_module(std::string_view name);

}  // namespace looplab::node
