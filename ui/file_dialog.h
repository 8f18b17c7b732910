// A small modal "Open a program" dialog: ImGui ships none. It lists the
// folders and JavaScript files (.js .mjs .cjs) of one directory at a time.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ui/theme.h"

namespace looplab::ui {

class FileDialog {
public:
    // Asks for the dialog to open on the next frame, showing `directory`.
    void open(const std::filesystem::path& directory);
    // Draws the dialog if it is open; returns the chosen file once.
    std::optional<std::string> draw(const Appearance& look);

private:
    struct Entry {
        std::string name;
        bool is_dir = false;
    };
    void list(const std::filesystem::path& directory);
    void enter(const std::filesystem::path& directory);

    static constexpr size_t kMaxEntries = 5000;  // a huge folder must not stall a frame
    bool open_requested_ = false;
    std::filesystem::path dir_;
    std::vector<Entry> entries_;
    std::string error_;
    int selected_ = -1;
    std::array<char, 1024> path_buf_{};
};

}  // namespace looplab::ui
