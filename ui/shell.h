// The whole window: main menu, status bar and the tiled panels. Both the
// interactive window and `looplab screenshot` draw a frame through Shell, so a
// screenshot shows exactly what a teacher sees.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/trace/view_state.h"
#include "ui/controller.h"
#include "ui/file_dialog.h"
#include "ui/panel_console.h"
#include "ui/panel_source.h"
#include "ui/scenario.h"
#include "ui/theme.h"

namespace looplab::ui {

// Everything one frame shows, gathered by the app.
struct FrameInput {
    const trace::ViewState& view;
    bool running = false;             // the engine is still working on this program
    std::string_view notice;          // one line for the status bar, e.g. a file that failed to open
    const std::vector<Scenario>& scenarios;
};

class Shell {
public:
    Appearance& appearance() { return look_; }

    // Call before ImGui::NewFrame() and after the renderer backend is set up:
    // applies a pending theme or text-size change.
    void prepare_frame();
    // Draws one frame between ImGui::NewFrame() and ImGui::Render().
    void draw(const FrameInput& in, Controller& controller);

private:
    void handle_shortcuts(const FrameInput& in, Controller& controller);
    void request_open(const FrameInput& in);
    float draw_main_menu(const FrameInput& in, Controller& controller);
    float draw_status_bar(const FrameInput& in, Controller& controller, float top);
    void draw_panels(const FrameInput& in, float top);
    size_t longest_line(const std::string& source);

    Appearance look_;
    SourcePanel source_;
    ConsolePanel console_;
    FileDialog file_dialog_;
    // The source last measured for the layout, and its longest line.
    std::string measured_source_;
    size_t measured_size_ = 0;
    size_t measured_columns_ = 0;
};

}  // namespace looplab::ui
