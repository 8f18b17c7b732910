// Key handling without a window: the same handle_key the window's input path
// calls, driving a PlaybackController over a recorded trace, so "Shift+Right"
// is tested exactly as a teacher's keyboard sends it.
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include "engine/node/process_run.h"
#include "engine/trace/fold.h"
#include "ui/controller.h"
#include "ui/keys.h"
#include "ui/settings.h"

using namespace looplab;

namespace {

// A controller like the window's, minus the engine thread: the trace is
// recorded up front.
class TestController final : public ui::PlaybackController {
public:
    explicit TestController(const std::string& file) {
        node::RunConfig config;
        config.script_path = file;
        node::BufferSink sink;
        node::run_program_recorded(config, sink, trace);
        walked_ = &trace;
        playback_.update(trace);
        playback_.seek(0);
    }
    void open_file(const std::string&) override { ++opened; }
    void rerun() override { ++reruns; }
    void quit() override { quit_called = true; }
    size_t cursor() const { return playback_.cursor(); }
    trace::ViewState view() const { return trace::fold_to(trace, playback_.cursor()); }
    void tick(double s) { playback_.tick(s); }

    trace::Trace trace;
    int opened = 0, reruns = 0;
    bool quit_called = false;
};

std::string scenario(const char* name) { return std::string(LOOPLAB_SOURCE_DIR) + "/assets/scenarios/" + name; }

ui::ViewAction press(TestController& c, const char* key) {
    const auto k = ui::parse_key(key);
    REQUIRE_MESSAGE(k.has_value(), key);
    return ui::handle_key(*k, c);
}

}  // namespace

TEST_CASE("arrows step one event forwards and back") {
    TestController c(scenario("hello.js"));
    REQUIRE(c.trace.size() > 10);
    CHECK(c.cursor() == 0);
    CHECK(press(c, "Right") == ui::ViewAction::Handled);
    CHECK(c.cursor() == 1);
    press(c, "Right");
    press(c, "Right");
    CHECK(c.cursor() == 3);
    press(c, "Left");
    CHECK(c.cursor() == 2);
    press(c, "End");
    CHECK(c.cursor() == c.trace.size());
    CHECK(c.view().finished);
    press(c, "Right");  // stays at the end
    CHECK(c.cursor() == c.trace.size());
    press(c, "Home");
    CHECK(c.cursor() == 0);
    press(c, "Left");  // stays at the start
    CHECK(c.cursor() == 0);
}

TEST_CASE("Shift+arrows step by callback: each stop has a user callback on top of the stack") {
    TestController c(scenario("hello.js"));
    std::vector<size_t> stops;
    for (int i = 0; i < 20 && c.cursor() < c.trace.size(); ++i) {
        press(c, "Shift+Right");
        stops.push_back(c.cursor());
        if (c.cursor() == c.trace.size()) break;
        const trace::ViewState v = c.view();
        REQUIRE_FALSE(v.stack.empty());
        CHECK_FALSE(v.stack.back().internal);
    }
    // hello.js: the main script, the promise reaction, the timeout, then the end.
    REQUIRE(stops.size() == 4);
    CHECK(stops.back() == c.trace.size());
    // Back again lands on the same stops in reverse.
    for (int i = int(stops.size()) - 2; i >= 0; --i) {
        press(c, "Shift+Left");
        CHECK(c.cursor() == stops[size_t(i)]);
    }
    press(c, "Shift+Left");
    CHECK(c.cursor() == 0);
}

TEST_CASE("Ctrl+arrows step by phase, Alt+arrows and PgUp/PgDn by loop iteration") {
    TestController c(scenario("timers-vs-immediate.js"));
    press(c, "Ctrl+Right");
    CHECK(c.view().phase == trace::Phase::Main);
    press(c, "Ctrl+Right");
    const trace::Phase second = c.view().phase;
    CHECK(second != trace::Phase::Main);
    CHECK(second != trace::Phase::None);
    press(c, "Ctrl+Left");
    CHECK(c.view().phase == trace::Phase::Main);

    press(c, "Home");
    press(c, "PgDn");
    CHECK(c.view().loop_iteration == 1);
    const size_t first_iteration = c.cursor();
    press(c, "Alt+Right");
    CHECK((c.view().loop_iteration == 2 || c.cursor() == c.trace.size()));
    press(c, "PgUp");
    CHECK(c.cursor() == first_iteration);
    press(c, "Alt+Left");
    CHECK(c.view().loop_iteration == 0);
}

TEST_CASE("Space plays at the chosen speed, + and - change it") {
    TestController c(scenario("hello.js"));
    const float before = c.playback().speed();
    press(c, "+");
    CHECK(c.playback().speed() > before);
    press(c, "-");
    press(c, "-");
    CHECK(c.playback().speed() < before);
    press(c, "+");
    CHECK(c.playback().speed() == before);
    press(c, "Space");
    CHECK(c.playback().playing());
    c.tick(1.0);  // one second at 8 steps per second
    CHECK(c.cursor() == size_t(before));
    press(c, "Space");
    CHECK_FALSE(c.playback().playing());
    c.tick(1.0);
    CHECK(c.cursor() == size_t(before));
}

TEST_CASE("window-level keys come back as view actions; F5 and Ctrl+Q reach the controller") {
    TestController c(scenario("hello.js"));
    CHECK(press(c, "F11") == ui::ViewAction::Presentation);
    CHECK(press(c, "Ctrl+=") == ui::ViewAction::ZoomIn);
    CHECK(press(c, "Ctrl+-") == ui::ViewAction::ZoomOut);
    CHECK(press(c, "Ctrl+O") == ui::ViewAction::Open);
    CHECK(press(c, "F9") == ui::ViewAction::ToggleSidebar);
    CHECK(press(c, "F5") == ui::ViewAction::Handled);
    CHECK(c.reruns == 1);
    CHECK(press(c, "Ctrl+Q") == ui::ViewAction::Handled);
    CHECK(c.quit_called);
    CHECK_FALSE(ui::parse_key("Hyper+Right").has_value());
    CHECK(ui::handle_key(ui::KeyPress{GLFW_KEY_Z}, c) == ui::ViewAction::None);
}

TEST_CASE("run to a line stops where that line starts executing") {
    TestController c(scenario("hello.js"));
    c.run_to_line(12);  // the promise callback's body
    const trace::ViewState v = c.view();
    CHECK(v.current_line == 12);
    const size_t there = c.cursor();
    c.run_to_line(12);  // again: wraps around to the same (only) time it runs
    CHECK(c.cursor() == there);
}

TEST_CASE("settings survive a round trip through their text form") {
    ui::Settings s;
    s.theme = "light";
    s.zoom_steps = 3;
    s.presentation = true;
    s.sidebar = false;
    s.speed_index = 7;
    s.last_file = "/tmp/a b.js";
    CHECK(ui::parse_settings(ui::format_settings(s)) == s);
    CHECK(ui::parse_settings("theme = purple\nzoom_steps = lots\n") == ui::Settings{});
}
