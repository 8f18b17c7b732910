#include "ui/shell.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes keys by the backend's codes
#include <imgui_impl_opengl3.h>

#include "ui/layout.h"
#include "ui/panel.h"

namespace looplab::ui {
namespace {

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;

// Presentation mode multiplies the body text size by this on a 1080-line
// screen. A projector at 1280x720 shows every pixel larger already: there
// the type keeps the share of the picture's height it has at 1080 lines
// (25 px of 1080 is 17 px of 720), and the body size (18 px) is the floor,
// so presentation at 720p is the normal type without the sidebar and the
// six panels keep room for whole lines.
constexpr float kPresentationFactor = 1.4f;
constexpr float kMinPresentationFactor = 1.0f;
constexpr float kReferenceHeight = 1080.0f;

float presentation_factor(float display_h) {
    if (display_h <= 0) return kPresentationFactor;
    return std::clamp(kPresentationFactor * display_h / kReferenceHeight, kMinPresentationFactor, kPresentationFactor);
}
// The scenario sidebar, in ems, and the narrowest panel area that still
// keeps it (below that the panels need the room more).
constexpr float kSidebarEms = 15.0f;
constexpr float kMinAreaEmsWithSidebar = 62.0f;
// The call stack's tile shows at least this many frames.
constexpr size_t kStackFramesShown = 4;
// libuv's default UV_THREADPOOL_SIZE: the pool's lanes before the first job says how many.
constexpr uint32_t kDefaultPoolThreads = 4;

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// "● simulating… 1.2 G instructions, 3 s": a silent program shows no events
// until it ends, so the instruction count is the sign of life.
std::string run_progress(const FrameInput& in) {
    if (in.stopping) return "\u25CF stopping\u2026";
    char text[96];
    const double steps = double(in.run_steps);
    const char* prefix = "\u25CF simulating\u2026";
    if (steps >= 1e9) {
        std::snprintf(text, sizeof text, "%s %.1f G instructions, %.0f s", prefix, steps / 1e9, in.run_seconds);
    } else if (steps >= 1e6) {
        std::snprintf(text, sizeof text, "%s %.0f M instructions, %.0f s", prefix, steps / 1e6, in.run_seconds);
    } else {
        std::snprintf(text, sizeof text, "%s", prefix);
    }
    return text;
}

bool has_pool_lane(const TimelineModel& model) {
    return std::any_of(model.lanes().begin(), model.lanes().end(), [](const Lane& l) { return l.pool; });
}

}  // namespace

Shell::Shell() : stack_(&animator_), queues_(&animator_), pool_(&animator_) {}

void Shell::prepare_frame() {
    if (look_.apply_pending()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void Shell::apply_settings(const Settings& settings) {
    settings_ = settings;
    look_.set_theme(settings.theme == "light" ? Theme::LightHighContrast : Theme::Dark);
    look_.reset_zoom();
    zoom(settings.zoom_steps);
    settings_.zoom_steps = settings.zoom_steps;
    look_.set_font_px(base_font_px_ * (settings.presentation ? kPresentationFactor : 1.0f));
}

void Shell::set_presentation(bool on) {
    settings_.presentation = on;
    look_.set_font_px(base_font_px_ * (on ? kPresentationFactor : 1.0f));
}

void Shell::zoom(int steps) {
    for (int i = 0; i < steps; ++i) look_.zoom_in();
    for (int i = 0; i > steps; --i) look_.zoom_out();
    settings_.zoom_steps += steps;
}

void Shell::draw(const FrameInput& in, Controller& controller) {
    // The presentation size follows the window (applied at the next prepare_frame).
    if (settings_.presentation) {
        const float px = base_font_px_ * presentation_factor(ImGui::GetIO().DisplaySize.y);
        if (std::fabs(px - look_.font_px()) > 0.25f) look_.set_font_px(px);
    }
    settings_.theme = look_.theme() == Theme::Dark ? "dark" : "light";
    if (in.playback != nullptr) settings_.speed_index = in.playback->speed_index();
    if (!in.view.file_path.empty()) settings_.last_file = in.view.file_path;

    handle_shortcuts(in, controller);
    animator_.observe(in.view, in.trace, in.now_seconds);
    const float menu_h = draw_main_menu(in, controller);
    const float bar_h = draw_transport_bar(in, controller, menu_h);
    draw_panels(in, controller, menu_h + bar_h);
    animator_.draw_overlay(look_);
    if (const uint32_t line = source_.take_clicked_line()) controller.run_to_line(line);
    if (auto chosen = file_dialog_.draw(look_)) controller.open_file(*chosen);
}

void Shell::request_open(const FrameInput& in) {
    std::filesystem::path dir = std::filesystem::current_path();
    if (!in.view.file_path.empty()) dir = std::filesystem::path(in.view.file_path).parent_path();
    file_dialog_.open(dir);
}

std::vector<KeyPress> Shell::pressed_keys() {
    std::vector<KeyPress> keys;
    const ImGuiIO& io = ImGui::GetIO();
    // A text field or the file dialog owns the keyboard while it is open.
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return keys;
    for (int key : shortcut_keys()) {
        // Arrows and PgUp/PgDn repeat while held, like stepping in a debugger.
        const bool repeat = key == GLFW_KEY_LEFT || key == GLFW_KEY_RIGHT || key == GLFW_KEY_PAGE_UP ||
                            key == GLFW_KEY_PAGE_DOWN;
        if (ImGui::IsKeyPressed(key, repeat)) keys.push_back(KeyPress{key, io.KeyCtrl, io.KeyShift, io.KeyAlt});
    }
    return keys;
}

void Shell::apply(ViewAction action, const FrameInput& in) {
    switch (action) {
        case ViewAction::ZoomIn: zoom(+1); break;
        case ViewAction::ZoomOut: zoom(-1); break;
        case ViewAction::ZoomReset:
            look_.reset_zoom();
            settings_.zoom_steps = 0;
            break;
        case ViewAction::Presentation: set_presentation(!settings_.presentation); break;
        case ViewAction::Open: request_open(in); break;
        case ViewAction::ToggleSidebar: settings_.sidebar = !settings_.sidebar; break;
        case ViewAction::None:
        case ViewAction::Handled: break;
    }
}

void Shell::handle_shortcuts(const FrameInput& in, Controller& controller) {
    for (const KeyPress& key : pressed_keys()) apply(handle_key(key, controller), in);
}

float Shell::draw_main_menu(const FrameInput& in, Controller& controller) {
    if (!ImGui::BeginMainMenuBar()) return 0.0f;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open\u2026", "Ctrl+O")) request_open(in);
        if (ImGui::MenuItem("Run again", "F5", false, !in.view.file_path.empty())) controller.rerun();
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) controller.quit();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Step")) {
        const bool any = in.playback != nullptr && in.playback->size() > 0;
        if (ImGui::MenuItem(in.playback != nullptr && in.playback->playing() ? "Pause" : "Play", "Space", false, any))
            controller.toggle_play();
        ImGui::Separator();
        if (ImGui::MenuItem("Forward one step", "\u2192", false, any)) controller.step(Granularity::Event, +1);
        if (ImGui::MenuItem("Back one step", "\u2190", false, any)) controller.step(Granularity::Event, -1);
        if (ImGui::MenuItem("Forward one callback", "Shift+\u2192", false, any)) controller.step(Granularity::Callback, +1);
        if (ImGui::MenuItem("Back one callback", "Shift+\u2190", false, any)) controller.step(Granularity::Callback, -1);
        if (ImGui::MenuItem("Forward one phase", "Ctrl+\u2192", false, any)) controller.step(Granularity::Phase, +1);
        if (ImGui::MenuItem("Back one phase", "Ctrl+\u2190", false, any)) controller.step(Granularity::Phase, -1);
        if (ImGui::MenuItem("Forward one loop iteration", "PgDn", false, any)) controller.step(Granularity::Iteration, +1);
        if (ImGui::MenuItem("Back one loop iteration", "PgUp", false, any)) controller.step(Granularity::Iteration, -1);
        ImGui::Separator();
        if (ImGui::MenuItem("First step", "Home", false, any)) controller.first();
        if (ImGui::MenuItem("Last step", "End", false, any)) controller.last();
        if (ImGui::MenuItem("Play faster", "+", false, any)) controller.faster();
        if (ImGui::MenuItem("Play slower", "-", false, any)) controller.slower();
        ImGui::Separator();
        ImGui::TextDisabled("Click a source line to run to it.");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Scenarios")) {
        if (in.scenarios.empty()) ImGui::TextDisabled("No built-in scenarios found.");
        for (const Scenario& s : in.scenarios) {
            const bool current = s.path == in.view.file_path;
            if (ImGui::MenuItem(s.title.c_str(), s.topic.c_str(), current)) controller.open_file(s.path);
            if (!s.summary.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.summary.c_str());
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Dark theme", nullptr, look_.theme() == Theme::Dark)) look_.set_theme(Theme::Dark);
        if (ImGui::MenuItem("Light high-contrast theme", nullptr, look_.theme() == Theme::LightHighContrast))
            look_.set_theme(Theme::LightHighContrast);
        ImGui::Separator();
        if (ImGui::MenuItem("Presentation mode", "F11", settings_.presentation)) apply(ViewAction::Presentation, in);
        if (ImGui::MenuItem("Scenario library", "F9", settings_.sidebar)) apply(ViewAction::ToggleSidebar, in);
        bool animate = animator_.enabled();
        if (ImGui::MenuItem("Animate tokens", nullptr, &animate)) animator_.set_enabled(animate);
        if (ImGui::MenuItem("Fit the timeline", nullptr)) timeline_.fit();
        ImGui::Separator();
        if (ImGui::MenuItem("Larger text", "Ctrl+=")) apply(ViewAction::ZoomIn, in);
        if (ImGui::MenuItem("Smaller text", "Ctrl+-")) apply(ViewAction::ZoomOut, in);
        if (ImGui::MenuItem("Reset text size", "Ctrl+0")) apply(ViewAction::ZoomReset, in);
        ImGui::EndMenu();
    }
    // The program, how its run went, and the two buttons a teacher needs
    // most, at the right of the menu bar.
    const Palette& pal = look_.palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    std::string status = in.view.file_path.empty() ? "No program" : file_name(in.view.file_path);
    ImU32 colour = pal.text;
    if (in.running) {
        status += "  " + run_progress(in);
        colour = pal.accent;
    }
    // While the engine works, the button stops it (a runaway loop); after, it re-runs.
    const char* rerun = in.running ? "\u25A0 Stop" : "Run again";
    const char* present = settings_.presentation ? "Normal view" : "Present";
    const float buttons_w = ImGui::CalcTextSize(rerun).x + ImGui::CalcTextSize(present).x +
                            4 * style.FramePadding.x + 2 * style.ItemSpacing.x;
    const float w = ImGui::CalcTextSize(status.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w - buttons_w - style.WindowPadding.x * 2));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && !in.view.file_path.empty()) ImGui::SetTooltip("%s", in.view.file_path.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(in.view.file_path.empty() || in.stopping);
    if (ImGui::SmallButton(rerun)) {
        if (in.running) controller.stop();
        else controller.rerun();
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip(in.running ? "Stop the simulation here; what it recorded stays (Esc)"
                                     : "Simulate the program again and come back to this step (F5)");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(present)) apply(ViewAction::Presentation, in);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Presentation mode: big type for a projector (F11)");
    const float height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
    return height;
}

// The transport: step buttons, play, speed and the step counter on the left;
// what ended the run, and the mode buttons, on the right.
float Shell::draw_transport_bar(const FrameInput& in, Controller& controller, float top) {
    const Palette& pal = look_.palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float height = ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    if (ImGui::Begin("##transport", nullptr, kBarFlags)) {
        static const Playback kNothing;
        draw_transport(in.playback != nullptr ? *in.playback : kNothing, look_, controller);
    }
    ImGui::End();
    // Why the run stopped early (a resource limit, an uncaught error) or a
    // file that failed to open: a band of its own, never clipped away.
    std::string problem = !in.notice.empty() ? std::string(in.notice) : in.view.uncaught;
    if (problem.empty()) return height;
    if (const auto nl = problem.find('\n'); nl != std::string::npos) problem.resize(nl);
    const float band = ImGui::GetTextLineHeight() + style.WindowPadding.y;
    ImGui::SetNextWindowPos(ImVec2(0, top + height));
    ImGui::SetNextWindowSize(ImVec2(display.x, band));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, style.WindowPadding.y * 0.5f));
    if (ImGui::Begin("##problem", nullptr, kBarFlags)) {
        ImGui::PushFont(look_.fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.error);
        ImGui::TextUnformatted(("\u2717 " + problem).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return height + band;
}

// The tiles, placed by lay_out_tiles (ui/layout.h) from what each one needs
// at the current type size. The sidebar folds away when the panels need its
// room.
void Shell::draw_panels(const FrameInput& in, Controller& controller, float top) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float gap = std::round(6.0f * look_.scale());
    const float em = ImGui::GetFontSize();
    PanelContext ctx{in.view, look_, in.running, in.trace};
    ImVec2 origin(gap, top + gap);
    ImVec2 area(display.x - 2 * gap, display.y - top - 2 * gap);
    if (area.x <= 0 || area.y <= 0) return;

    timeline_.set_frame(in.trace, in.playback, &controller);
    narration_.set_trace(in.trace);
    source_.set_trace(in.trace);
    processes_.set_controller(&controller);
    library_.set_frame(&in.scenarios, &controller);

    const float sidebar_w = std::round(kSidebarEms * em);
    if (settings_.sidebar && !settings_.presentation && area.x - sidebar_w >= kMinAreaEmsWithSidebar * em) {
        library_.draw(ctx, origin, ImVec2(sidebar_w, area.y));
        origin.x += sidebar_w + gap;
        area.x -= sidebar_w + gap;
    }

    const TileLayout tiles = lay_out_tiles(Box{origin.x, origin.y, area.x, area.y}, gap, tile_needs(in));
    auto draw = [&](Panel& panel, const Box& box) {
        if (box.w > 0 && box.h > 0) panel.draw(ctx, ImVec2(box.x, box.y), ImVec2(box.w, box.h));
    };
    draw(source_, tiles.source);
    draw(console_, tiles.console);
    draw(stack_, tiles.stack);
    draw(queues_, tiles.queues);
    draw(loop_, tiles.loop);
    draw(narration_, tiles.narration);
    if (tiles.has_third) draw(uses_pool(in) ? static_cast<Panel&>(pool_) : processes_, tiles.third);
    draw(timeline_, tiles.timeline);
}

std::vector<std::string> Shell::tiles_that_do_not_fit() const {
    const Panel* panels[] = {&source_, &console_, &stack_, &queues_, &loop_, &narration_, &pool_, &processes_, &timeline_};
    const int frame = ImGui::GetFrameCount();
    std::vector<std::string> out;
    for (const Panel* p : panels) {
        if (p->drawn_frame() == frame && !p->fits()) out.push_back(p->title());
    }
    return out;
}

bool Shell::uses_pool(const FrameInput& in) const {
    if (ProcessesPanel::has_several_processes(in.trace)) return false;  // its boxes show each process's pool
    return has_pool_lane(timeline_.model()) || PoolPanel::has_content(in.view);
}

// What each tile needs at the current type size. None of it depends on the
// step, so stepping never moves a tile's edge.
TileNeeds Shell::tile_needs(const FrameInput& in) {
    const float em = ImGui::GetFontSize();
    TileNeeds needs;
    // Long lines wrap, so the source column asks for its longest line but
    // the layout may give less.
    needs.source_w = longest_line_px(source_.shown_source(in.view)) + ImGui::CalcTextSize("0").x * 8.0f + 2.5f * em;
    needs.stack = StackPanel::wanted_height(look_, kStackFramesShown);
    needs.queues = QueuesPanel::wanted_height(look_);
    needs.loop = LoopPanel::wanted_height(look_);
    needs.narration = NarrationPanel::wanted_height(look_);
    const bool threads = in.view.isolates.size() > 1;
    if (uses_pool(in)) {
        needs.third = PoolPanel::wanted_height(look_, std::max<uint32_t>(in.view.pool.size, kDefaultPoolThreads));
    } else if (ProcessesPanel::has_several_processes(in.trace)) {
        needs.third = ProcessesPanel::wanted_height(look_, in.trace);
    } else if (threads) {
        // A process box with a row per JavaScript thread.
        needs.third = Panel::chrome_height(look_) +
                      ImGui::GetTextLineHeightWithSpacing() * (1.5f + 1.3f * float(in.view.isolates.size()));
    }
    needs.timeline = timeline_.wanted_height(look_);
    needs.timeline_min = std::min(needs.timeline, em * 6.5f);
    needs.timeline_share = settings_.timeline_share;
    return needs;
}

// The widest source line in pixels of the code font, remembered per source
// text (the layout asks every frame).
float Shell::longest_line_px(const std::string& source) {
    if (source.size() == measured_source_size_ && source.data() == measured_source_data_ &&
        look_.font_px() * look_.zoom() == measured_font_px_) {
        return measured_width_;
    }
    size_t longest = 0, start = 0;
    while (start <= source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string::npos) end = source.size();
        longest = std::max(longest, end - start);
        start = end + 1;
    }
    ImFont* mono = look_.fonts().mono;
    const float char_w =
        mono != nullptr ? mono->CalcTextSizeA(mono->FontSize, FLT_MAX, 0, "M").x : ImGui::GetFontSize() * 0.6f;
    measured_source_size_ = source.size();
    measured_source_data_ = source.data();
    measured_font_px_ = look_.font_px() * look_.zoom();
    measured_width_ = char_w * float(longest);
    return measured_width_;
}

}  // namespace looplab::ui
