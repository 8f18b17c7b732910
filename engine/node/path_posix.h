// Node's path.posix as C++ functions (lib/path.js, byte for byte), for the
// `path` module and for any runtime code that needs the same answers.
// Paths are UTF-8; only '/' and '.' are examined, so bytes serve as well
// as UTF-16 units.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace looplab::node::path_posix {

std::string normalize(std::string_view path);
// path.resolve(...segments) with `cwd` standing in for process.cwd().
std::string resolve(std::span<const std::string> segments, std::string_view cwd);
std::string join(std::span<const std::string> segments);
std::string relative(std::string_view from, std::string_view to, std::string_view cwd);
std::string dirname(std::string_view path);
std::string basename(std::string_view path, std::string_view suffix = {});
std::string extname(std::string_view path);
bool is_absolute(std::string_view path);

struct Parsed {
    std::string root, dir, base, ext, name;
};
Parsed parse(std::string_view path);

}  // namespace looplab::node::path_posix
