#include "ui/file_dialog.h"

#include <algorithm>
#include <cstring>
#include <system_error>

#include <imgui.h>

namespace looplab::ui {
namespace {

constexpr const char* kPopupId = "Open a program";

bool is_script(const std::filesystem::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".js" || ext == ".mjs" || ext == ".cjs";
}

}  // namespace

void FileDialog::open(const std::filesystem::path& directory) {
    open_requested_ = true;
    enter(directory);
}

void FileDialog::enter(const std::filesystem::path& directory) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::weakly_canonical(directory, ec);
    if (ec || !std::filesystem::is_directory(dir, ec)) dir = std::filesystem::current_path(ec);
    dir_ = dir;
    list(dir_);
    selected_ = -1;
    std::snprintf(path_buf_.data(), path_buf_.size(), "%s", dir_.c_str());
}

void FileDialog::list(const std::filesystem::path& directory) {
    entries_.clear();
    error_.clear();
    std::error_code ec;
    std::filesystem::directory_iterator it(directory, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) {
        error_ = "Cannot read this folder: " + ec.message();
        return;
    }
    for (const auto& e : it) {
        if (entries_.size() >= kMaxEntries) {
            error_ = "Showing the first " + std::to_string(kMaxEntries) + " entries only.";
            break;
        }
        const std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_ec;
        const bool dir = e.is_directory(type_ec);
        if (dir || is_script(e.path())) entries_.push_back(Entry{name, dir});
    }
    // Folders first, then files, each alphabetical: a stable order to point at.
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        if (a.is_dir != b.is_dir) return a.is_dir;
        return a.name < b.name;
    });
}

std::optional<std::string> FileDialog::draw(const Appearance& look) {
    if (open_requested_) {
        ImGui::OpenPopup(kPopupId);
        open_requested_ = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, 900 * look.scale()), display.y * 0.75f),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kPopupId, nullptr, ImGuiWindowFlags_NoSavedSettings)) return std::nullopt;

    std::optional<std::string> chosen;
    auto choose = [&](const std::filesystem::path& p) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            enter(p);
        } else {
            chosen = p.string();
        }
    };

    if (ImGui::Button("\u2191 Up")) enter(dir_.parent_path());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##path", path_buf_.data(), path_buf_.size(), ImGuiInputTextFlags_EnterReturnsTrue))
        choose(path_buf_.data());
    if (!error_.empty()) ImGui::TextDisabled("%s", error_.c_str());

    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    std::optional<std::filesystem::path> activated;  // acted on after the loop: entering a folder relists
    if (ImGui::BeginChild("entries", ImVec2(0, -footer), true)) {
        ImGui::PushFont(look.fonts().mono);
        for (int i = 0; i < int(entries_.size()); ++i) {
            const Entry& e = entries_[size_t(i)];
            const std::string label = e.is_dir ? e.name + "/" : e.name;
            if (ImGui::Selectable(label.c_str(), selected_ == i, ImGuiSelectableFlags_AllowDoubleClick)) {
                selected_ = i;
                std::snprintf(path_buf_.data(), path_buf_.size(), "%s", (dir_ / e.name).c_str());
                if (ImGui::IsMouseDoubleClicked(0)) activated = dir_ / e.name;
            }
        }
        if (entries_.empty() && error_.empty()) ImGui::TextDisabled("No folders or .js files here.");
        ImGui::PopFont();
    }
    ImGui::EndChild();
    if (activated) choose(*activated);

    if (ImGui::Button("Open")) choose(path_buf_.data());
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

}  // namespace looplab::ui
