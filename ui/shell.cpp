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

// Layout limits, in shares of the window or in columns of the code font.
constexpr float kSourceMinShare = 0.45f;
constexpr float kSourceMaxShare = 0.68f;
constexpr float kStackedSourceShare = 0.6f;
constexpr float kConsoleMinColumns = 30.0f;
constexpr size_t kGutterColumns = 7;  // marker, line number, gap (see SourcePanel)

bool ctrl_pressed(int key) { return ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(key, false); }

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace

void Shell::prepare_frame() {
    if (look_.apply_pending()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void Shell::draw(const FrameInput& in, Controller& controller) {
    handle_shortcuts(in, controller);
    const float menu_h = draw_main_menu(in, controller);
    const float status_h = draw_status_bar(in, controller, menu_h);
    draw_panels(in, menu_h + status_h);
    if (auto chosen = file_dialog_.draw(look_)) controller.open_file(*chosen);
}

void Shell::request_open(const FrameInput& in) {
    std::filesystem::path dir = std::filesystem::current_path();
    if (!in.view.file_path.empty()) dir = std::filesystem::path(in.view.file_path).parent_path();
    file_dialog_.open(dir);
}

void Shell::handle_shortcuts(const FrameInput& in, Controller& controller) {
    if (ImGui::GetIO().WantTextInput) return;
    if (ctrl_pressed(GLFW_KEY_EQUAL) || ctrl_pressed(GLFW_KEY_KP_ADD)) look_.zoom_in();
    if (ctrl_pressed(GLFW_KEY_MINUS) || ctrl_pressed(GLFW_KEY_KP_SUBTRACT)) look_.zoom_out();
    if (ctrl_pressed(GLFW_KEY_0) || ctrl_pressed(GLFW_KEY_KP_0)) look_.reset_zoom();
    if (ctrl_pressed(GLFW_KEY_O)) request_open(in);
    if (ctrl_pressed(GLFW_KEY_R) || ImGui::IsKeyPressed(GLFW_KEY_F5, false)) controller.rerun();
    if (ctrl_pressed(GLFW_KEY_Q)) controller.quit();
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
        if (ImGui::MenuItem("Larger text", "Ctrl+=")) look_.zoom_in();
        if (ImGui::MenuItem("Smaller text", "Ctrl+-")) look_.zoom_out();
        if (ImGui::MenuItem("Reset text size", "Ctrl+0")) look_.reset_zoom();
        ImGui::EndMenu();
    }
    const float height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
    return height;
}

// One band under the menu: which program, whether it is running or how it
// ended, and the button to run it again.
float Shell::draw_status_bar(const FrameInput& in, Controller& controller, float top) {
    const Palette& pal = look_.palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float height = ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    if (ImGui::Begin("##status", nullptr, kBarFlags)) {
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(look_.fonts().bold);
        ImGui::TextUnformatted(in.view.file_path.empty() ? "No program" : file_name(in.view.file_path).c_str());
        ImGui::PopFont();

        ImGui::SameLine(0, style.ItemSpacing.x * 3);
        if (in.running) {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
            ImGui::TextUnformatted("\u25CF running\u2026");
        } else if (in.view.finished) {
            const bool ok = in.view.exit_code == 0;
            ImGui::PushStyleColor(ImGuiCol_Text, ok ? pal.ok : pal.error);
            ImGui::Text("%s finished \u00B7 exit code %d", ok ? "\u2713" : "\u2717", in.view.exit_code);
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
            ImGui::TextUnformatted("not started");
        }
        ImGui::PopStyleColor();

        if (!in.notice.empty()) {
            ImGui::SameLine(0, style.ItemSpacing.x * 3);
            ImGui::PushStyleColor(ImGuiCol_Text, pal.error);
            ImGui::TextUnformatted(in.notice.data(), in.notice.data() + in.notice.size());
            ImGui::PopStyleColor();
        }

        const char* label = "Run again (F5)";
        const float button_w = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
        ImGui::SameLine(display.x - button_w - style.WindowPadding.x);
        ImGui::BeginDisabled(in.view.file_path.empty());
        if (ImGui::Button(label)) controller.rerun();
        ImGui::EndDisabled();
    }
    ImGui::End();
    return height;
}

// Columns of the longest source line, so the layout can give the code the
// width it needs (tabs count as one column: close enough for a layout).
size_t Shell::longest_line(const std::string& source) {
    if (source.size() != measured_size_ || source != measured_source_) {
        measured_source_ = source;
        measured_size_ = source.size();
        measured_columns_ = 0;
        size_t column = 0;
        for (char c : source) {
            if (c == '\n') {
                column = 0;
            } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // count UTF-8 code points
                measured_columns_ = std::max(measured_columns_, ++column);
            }
        }
    }
    return measured_columns_;
}

// Source and console side by side when both fit -- the source as wide as its
// longest line (within limits), the console at least kConsoleMinColumns --
// and stacked otherwise, as on a 1024x768 projector.
void Shell::draw_panels(const FrameInput& in, float top) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float gap = std::round(8.0f * look_.scale());
    const PanelContext ctx{in.view, look_, in.running};
    const ImVec2 origin(gap, top + gap);
    const ImVec2 area(display.x - 2 * gap, display.y - top - 2 * gap);
    if (area.x <= 0 || area.y <= 0) return;

    ImFont* mono = look_.fonts().mono;
    const float column = mono->CalcTextSizeA(mono->FontSize, FLT_MAX, 0.0f, "0").x;
    const float chrome = 2 * ImGui::GetStyle().WindowPadding.x + ImGui::GetStyle().ScrollbarSize;
    const float wanted = float(longest_line(in.view.source) + kGutterColumns) * column + chrome;
    const float source_w = std::round(std::clamp(wanted, area.x * kSourceMinShare, area.x * kSourceMaxShare));
    const float console_w = area.x - source_w - gap;
    if (console_w >= kConsoleMinColumns * column + chrome) {
        source_.draw(ctx, origin, ImVec2(source_w, area.y));
        console_.draw(ctx, ImVec2(origin.x + source_w + gap, origin.y), ImVec2(console_w, area.y));
    } else {
        const float source_h = std::round((area.y - gap) * kStackedSourceShare);
        source_.draw(ctx, origin, ImVec2(area.x, source_h));
        console_.draw(ctx, ImVec2(origin.x, origin.y + source_h + gap), ImVec2(area.x, area.y - source_h - gap));
    }
}

}  // namespace looplab::ui
