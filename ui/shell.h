// The whole window: main menu, transport bar, scenario sidebar and the tiled
// panels. Both the interactive window and `looplab screenshot` draw a frame
// through Shell, so a screenshot shows exactly what a teacher sees.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/trace/trace.h"
#include "engine/trace/view_state.h"
#include "ui/controller.h"
#include "ui/controls.h"
#include "ui/file_dialog.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/panel_console.h"
#include "ui/panel_loop.h"
#include "ui/panel_narration.h"
#include "ui/panel_pool.h"
#include "ui/panel_processes.h"
#include "ui/panel_queues.h"
#include "ui/panel_source.h"
#include "ui/panel_stack.h"
#include "ui/panel_timeline.h"
#include "ui/scenario.h"
#include "ui/scenario_library.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/token.h"

namespace looplab::ui {

// Everything one frame shows, gathered by the app.
struct FrameInput {
    const trace::ViewState& view;
    bool running = false;             // the engine is still working on this program
    std::string_view notice;          // one line for the status bar, e.g. a file that failed to open
    const std::vector<Scenario>& scenarios;
    const trace::Trace* trace = nullptr;     // the recorded run (may still be growing)
    const Playback* playback = nullptr;      // the cursor over it
    double now_seconds = 0;                  // wall clock for animations
    // While running: how far the engine got (progress for a silent program).
    uint64_t run_steps = 0;                  // bytecode instructions simulated so far
    double run_seconds = 0;                  // wall seconds since the run started
    bool stopping = false;                   // Stop was pressed; the engine has not returned yet
};

class Shell {
public:
    Shell();
    Appearance& appearance() { return look_; }
    // The body text size before presentation mode and zoom (--font-size).
    void set_base_font_px(float px) { base_font_px_ = px; }

    // Call before ImGui::NewFrame() and after the renderer backend is set up:
    // applies a pending theme or text-size change.
    void prepare_frame();
    // Draws one frame between ImGui::NewFrame() and ImGui::Render().
    void draw(const FrameInput& in, Controller& controller);

    // What the window remembers; apply_settings() sets the look from them.
    const Settings& settings() const { return settings_; }
    void apply_settings(const Settings& settings);
    // Presentation mode (F11): larger type, no sidebar.
    void set_presentation(bool on);
    bool presentation() const { return settings_.presentation; }
    void set_sidebar(bool on) { settings_.sidebar = on; }
    void set_animations(bool on) { animator_.set_enabled(on); }
    TimelinePanel& timeline() { return timeline_; }
    bool animating() const { return animator_.animating(); }
    // The titles of the tiles drawn in the last frame whose main content did
    // not fit (they scroll, or the executing line is cut off): the layout
    // check of `looplab screenshot --check-fit`.
    std::vector<std::string> tiles_that_do_not_fit() const;

    // The window's input path: the key presses ImGui saw this frame, as
    // KeyPress values for handle_key (see keys.h).
    static std::vector<KeyPress> pressed_keys();
    // Applies a view action handle_key returned.
    void apply(ViewAction action, const FrameInput& in);

private:
    void handle_shortcuts(const FrameInput& in, Controller& controller);
    void request_open(const FrameInput& in);
    float draw_main_menu(const FrameInput& in, Controller& controller);
    float draw_transport_bar(const FrameInput& in, Controller& controller, float top);
    void draw_panels(const FrameInput& in, Controller& controller, float top);
    TileNeeds tile_needs(const FrameInput& in);
    bool uses_pool(const FrameInput& in) const;
    void zoom(int steps);
    float longest_line_px(const std::string& source);

    Appearance look_;
    Settings settings_;
    float base_font_px_ = Appearance::kBaseFontPx;
    TokenAnimator animator_;
    SourcePanel source_;
    ConsolePanel console_;
    StackPanel stack_;
    QueuesPanel queues_;
    TimelinePanel timeline_;
    ScenarioLibrary library_;
    LoopPanel loop_;
    NarrationPanel narration_;
    PoolPanel pool_;
    ProcessesPanel processes_;
    FileDialog file_dialog_;
    // longest_line_px's memory: which text, at which type size.
    size_t measured_source_size_ = SIZE_MAX;
    const char* measured_source_data_ = nullptr;
    float measured_font_px_ = 0;
    float measured_width_ = 0;
};

}  // namespace looplab::ui
