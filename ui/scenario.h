// A built-in scenario as the Scenarios menu lists it. The app reads them from
// assets/scenarios/index.json; the UI only displays them.
#pragma once

#include <string>

namespace looplab::ui {

struct Scenario {
    std::string title;    // "process.nextTick vs promises"
    std::string topic;    // "microtasks"
    std::string summary;  // one sentence shown as a tooltip
    std::string path;     // absolute path of the .js file
};

}  // namespace looplab::ui
