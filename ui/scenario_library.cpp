#include "ui/scenario_library.h"

#include <algorithm>

#include "ui/controller.h"

namespace looplab::ui {

std::string ScenarioLibrary::subtitle(const PanelContext&) const {
    return scenarios_ == nullptr || scenarios_->empty() ? std::string() : "F9";
}

void ScenarioLibrary::draw_body(const PanelContext& ctx) {
    if (scenarios_ == nullptr || scenarios_->empty()) {
        ImGui::TextWrapped("No built-in scenarios found. Open any .js file with File \u2192 Open\u2026 or drop it here.");
        return;
    }
    const Palette& pal = ctx.look.palette();
    // Topics in order of first appearance; scenarios keep the index's order.
    std::vector<std::string> topics;
    for (const Scenario& s : *scenarios_) {
        if (std::find(topics.begin(), topics.end(), s.topic) == topics.end()) topics.push_back(s.topic);
    }
    for (const std::string& topic : topics) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
        ImGui::TextUnformatted(topic.empty() ? "other" : topic.c_str());
        ImGui::PopStyleColor();
        for (const Scenario& s : *scenarios_) {
            if (s.topic != topic) continue;
            const bool current = s.path == ctx.view.file_path;
            ImGui::PushID(s.path.c_str());
            ImGui::Indent(ImGui::GetStyle().IndentSpacing * 0.5f);
            if (ImGui::Selectable(s.title.c_str(), current) && controller_ != nullptr) controller_->open_file(s.path);
            if (ImGui::IsItemHovered() && !s.summary.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
                ImGui::TextUnformatted(s.summary.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::Unindent(ImGui::GetStyle().IndentSpacing * 0.5f);
            ImGui::PopID();
        }
        ImGui::Spacing();
    }
}

}  // namespace looplab::ui
