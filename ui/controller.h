// The commands the front end can give. The UI never runs the engine, opens
// files, moves the cursor or quits by itself: it calls these, and the app
// decides what they do (cmd_window.cpp runs programs on a worker thread and
// moves a Playback; the screenshot command ignores them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "ui/controls.h"

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
    // Stops the program being simulated (a runaway loop): the run ends with
    // its limit message and what it recorded so far stays on screen.
    virtual void stop() {}
    // Which JavaScript thread (isolate) the stack and queues panels show:
    // -1 follows the thread of each step.
    virtual void select_isolate(int /*isolate*/) {}

    // ---- the cursor (PlaybackController implements these) ----
    virtual void step(Granularity, int /*direction*/) {}
    virtual void seek(size_t /*cursor*/) {}
    virtual void first() {}
    virtual void last() {}
    virtual void toggle_play() {}
    virtual void faster() {}
    virtual void slower() {}
    virtual void run_to_line(uint32_t /*line*/) {}
};

// The cursor commands over a Playback and the trace it walks. The window's
// controller and the key-handling tests both derive from it, so the tests
// move the cursor exactly as the window does.
class PlaybackController : public Controller {
public:
    void step(Granularity g, int direction) override { playback_.step(g, direction); }
    void seek(size_t cursor) override { playback_.seek(cursor); }
    void first() override { playback_.first(); }
    void last() override { playback_.last(); }
    void toggle_play() override { playback_.toggle_play(); }
    void faster() override { playback_.faster(); }
    void slower() override { playback_.slower(); }
    void run_to_line(uint32_t line) override {
        if (walked_ != nullptr) playback_.run_to_line(*walked_, line);
    }

    const Playback& playback() const { return playback_; }

protected:
    Playback playback_;
    const trace::Trace* walked_ = nullptr;  // the trace playback_ walks, owned by the derived class
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
