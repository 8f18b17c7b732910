#include "app/script_path.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace looplab::app {
namespace {

namespace fs = std::filesystem;

// The version footer Node prints under an uncaught error. Keep it equal to the
// engine's process.version when the engine exposes one.
constexpr const char* kNodeVersion = "v20.20.2";

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

std::optional<fs::path> with_extension(const fs::path& p) {
    if (is_file(p)) return p;
    for (const char* ext : {".js", ".json", ".node"}) {
        fs::path candidate = p;
        candidate += ext;
        if (is_file(candidate)) return candidate;
    }
    return std::nullopt;
}

std::optional<fs::path> as_directory(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return std::nullopt;
    std::ifstream pkg(dir / "package.json");
    if (pkg) {
        const auto json = nlohmann::json::parse(pkg, nullptr, /*allow_exceptions=*/false);
        if (json.is_object() && json.contains("main") && json["main"].is_string()) {
            const fs::path main = dir / json["main"].get<std::string>();
            if (auto f = with_extension(main)) return f;
            if (auto f = with_extension(main / "index")) return f;
        }
    }
    return with_extension(dir / "index");
}

}  // namespace

std::optional<std::string> resolve_script(const std::string& arg) {
    const fs::path abs = fs::absolute(arg).lexically_normal();
    if (auto f = with_extension(abs)) return f->string();
    if (auto f = as_directory(abs)) return f->string();
    return std::nullopt;
}

int report_missing_script(const std::string& arg) {
    std::string abs = fs::absolute(arg).lexically_normal().string();
    if (abs.size() > 1 && abs.back() == '/') abs.pop_back();
    std::fprintf(stderr,
                 "node:internal/modules/cjs/loader:1210\n"
                 "  throw err;\n"
                 "  ^\n"
                 "\n"
                 "Error: Cannot find module '%s'\n"
                 "    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n"
                 "    at Module._load (node:internal/modules/cjs/loader:1038:27)\n"
                 "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n"
                 "    at node:internal/main/run_main_module:28:49 {\n"
                 "  code: 'MODULE_NOT_FOUND',\n"
                 "  requireStack: []\n"
                 "}\n"
                 "\n"
                 "Node.js %s\n",
                 abs.c_str(), kNodeVersion);
    return 1;
}

}  // namespace looplab::app
