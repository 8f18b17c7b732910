#include "ui/shell.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <filesystem>
#include <string>

#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes keys by the backend's codes
#include <imgui_impl_opengl3.h>

#include "ui/panel.h"

namespace looplab::ui {
namespace {

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;

// Presentation mode multiplies the body text size by this.
constexpr float kPresentationFactor = 1.4f;
// The scenario sidebar, in ems, and the narrowest panel area that still
// keeps it (below that the panels need the room more).
constexpr float kSidebarEms = 15.0f;
constexpr float kMinAreaEmsWithSidebar = 62.0f;

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

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
    settings_.theme = look_.theme() == Theme::Dark ? "dark" : "light";
    if (in.playback != nullptr) settings_.speed_index = in.playback->speed_index();
    if (!in.view.file_path.empty()) settings_.last_file = in.view.file_path;

    handle_shortcuts(in, controller);
    animator_.observe(in.view, in.now_seconds);
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
        status += "  \u25CF recording\u2026";
        colour = pal.accent;
    }
    const char* rerun = "Run again";
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
    ImGui::BeginDisabled(in.view.file_path.empty());
    if (ImGui::SmallButton(rerun)) controller.rerun();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Simulate the program again and come back to this step (F5)");
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

// The tiles. Wide: [scenarios] | source over console | stack over queues |
// event loop over narration over pool or processes; the timeline runs along
// the bottom. The sidebar folds away when the panels need its room.
void Shell::draw_panels(const FrameInput& in, Controller& controller, float top) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float gap = std::round(6.0f * look_.scale());
    const float em = ImGui::GetFontSize();
    PanelContext ctx{in.view, look_, in.running};
    ImVec2 origin(gap, top + gap);
    ImVec2 area(display.x - 2 * gap, display.y - top - 2 * gap);
    if (area.x <= 0 || area.y <= 0) return;

    timeline_.set_frame(in.trace, in.playback, &controller);
    narration_.set_trace(in.trace);
    library_.set_frame(&in.scenarios, &controller);

    const float sidebar_w = std::round(kSidebarEms * em);
    if (settings_.sidebar && !settings_.presentation && area.x - sidebar_w >= kMinAreaEmsWithSidebar * em) {
        library_.draw(ctx, origin, ImVec2(sidebar_w, area.y));
        origin.x += sidebar_w + gap;
        area.x -= sidebar_w + gap;
    }

    // The timeline gets the height its lanes need, within a share of the area.
    // In presentation mode on a short screen the big type needs the room
    // more than the timeline does.
    const bool show_timeline = !settings_.presentation || area.y >= em * 40.0f;
    const float timeline_h = !show_timeline ? 0.0f
                                            : std::round(std::clamp(timeline_.wanted_height(look_), em * 6.5f,
                                                                    std::max(em * 6.5f, area.y * settings_.timeline_share)));
    const float cols_h = show_timeline ? area.y - timeline_h - gap : area.y;
    if (show_timeline) timeline_.draw(ctx, ImVec2(origin.x, origin.y + cols_h + gap), ImVec2(area.x, timeline_h));

    const float col_a = std::round(area.x * 0.38f);
    const float col_b = std::round(area.x * 0.29f);
    const float col_c = area.x - col_a - col_b - 2 * gap;
    const float xa = origin.x, xb = xa + col_a + gap, xc = xb + col_b + gap;
    const float y = origin.y;

    const float source_h = std::round((cols_h - gap) * 0.64f);
    source_.draw(ctx, ImVec2(xa, y), ImVec2(col_a, source_h));
    console_.draw(ctx, ImVec2(xa, y + source_h + gap), ImVec2(col_a, cols_h - source_h - gap));

    const float stack_h = std::round((cols_h - gap) * 0.42f);
    stack_.draw(ctx, ImVec2(xb, y), ImVec2(col_b, stack_h));
    queues_.draw(ctx, ImVec2(xb, y + stack_h + gap), ImVec2(col_b, cols_h - stack_h - gap));

    // The wheel needs a near-square tile; the narration at least four lines.
    // The third tile (the pool when the program uses it, else the process
    // graph) only when the column is tall enough to keep the others readable.
    const bool pool = has_pool_lane(timeline_.model()) || PoolPanel::has_content(in.view);
    const bool third = (pool && !settings_.presentation && cols_h >= em * 22.0f) || cols_h >= em * 30.0f;
    const float usable = cols_h - (third ? 2 : 1) * gap;
    const float loop_h = std::round(usable * (third ? 0.46f : 0.58f));
    const float narration_h = std::round(usable * (third ? 0.25f : 0.42f));
    loop_.draw(ctx, ImVec2(xc, y), ImVec2(col_c, loop_h));
    narration_.draw(ctx, ImVec2(xc, y + loop_h + gap), ImVec2(col_c, third ? narration_h : usable - loop_h));
    if (!third) return;
    const ImVec2 last_pos(xc, y + loop_h + narration_h + 2 * gap);
    const ImVec2 last_size(col_c, usable - loop_h - narration_h);
    if (pool) {
        pool_.draw(ctx, last_pos, last_size);
    } else {
        processes_.draw(ctx, last_pos, last_size);
    }
}

}  // namespace looplab::ui
