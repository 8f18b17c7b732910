// The commands the front end can give. The UI never runs the engine, opens
// files or quits by itself: it calls these, and the app decides what they do
// (cmd_window.cpp runs programs on a worker thread; the screenshot command
// ignores them). Step commands join this interface when the trace lands.
#pragma once

#include <string>

namespace looplab::ui {

class Controller {
public:
    virtual ~Controller() = default;

    // Loads the program at `path` and runs it from the start.
    virtual void open_file(const std::string& path) = 0;
    // Runs the current program again with the same configuration.
    virtual void rerun() = 0;
    // Closes the window at the end of this frame.
    virtual void quit() = 0;

    // Later (trace/event-loop engineer): step_forward(Granularity),
    // step_back(Granularity), seek(uint64_t step), play(float speed), pause().
};

// Accepts every command and does nothing: for renderings with no session
// behind them, such as `looplab screenshot`.
class NullController final : public Controller {
public:
    void open_file(const std::string&) override {}
    void rerun() override {}
    void quit() override {}
};

}  // namespace looplab::ui
