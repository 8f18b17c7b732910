// The `path` module (POSIX flavour), ported from Node v20's lib/path.js.
#include <vector>

#include "engine/node/module_support.h"
#include "engine/node/path_posix.h"

namespace looplab::node {

namespace path_posix {

namespace {

// normalizeString: resolves '.' and '..' segments; `allow_above_root`
// keeps leading '..' for relative paths.
std::string normalize_string(std::string_view path, bool allow_above_root) {
    std::string res;
    long last_segment_length = 0;
    long last_slash = -1;
    int dots = 0;
    char code = 0;
    for (long i = 0; i <= static_cast<long>(path.size()); ++i) {
        if (i < static_cast<long>(path.size())) {
            code = path[static_cast<size_t>(i)];
        } else if (code == '/') {
            break;
        } else {
            code = '/';
        }
        if (code == '/') {
            if (last_slash == i - 1 || dots == 1) {
                // NOOP
            } else if (dots == 2) {
                if (res.size() < 2 || last_segment_length != 2 || res[res.size() - 1] != '.' ||
                    res[res.size() - 2] != '.') {
                    if (res.size() > 2) {
                        size_t last_slash_index = res.rfind('/');
                        if (last_slash_index == std::string::npos) {
                            res.clear();
                            last_segment_length = 0;
                        } else {
                            res.resize(last_slash_index);
                            size_t prev = res.rfind('/');
                            last_segment_length = static_cast<long>(res.size()) - 1 -
                                                  (prev == std::string::npos ? -1 : static_cast<long>(prev));
                        }
                        last_slash = i;
                        dots = 0;
                        continue;
                    }
                    if (!res.empty()) {
                        res.clear();
                        last_segment_length = 0;
                        last_slash = i;
                        dots = 0;
                        continue;
                    }
                }
                if (allow_above_root) {
                    res += res.empty() ? ".." : "/..";
                    last_segment_length = 2;
                }
            } else {
                std::string_view segment = path.substr(static_cast<size_t>(last_slash + 1),
                                                       static_cast<size_t>(i - last_slash - 1));
                if (!res.empty()) res += "/";
                res += segment;
                last_segment_length = i - last_slash - 1;
            }
            last_slash = i;
            dots = 0;
        } else if (code == '.' && dots != -1) {
            ++dots;
        } else {
            dots = -1;
        }
    }
    return res;
}

}  // namespace

bool is_absolute(std::string_view path) { return !path.empty() && path[0] == '/'; }

std::string normalize(std::string_view path) {
    if (path.empty()) return ".";
    bool absolute = path[0] == '/';
    bool trailing_separator = path.back() == '/';
    std::string out = normalize_string(path, !absolute);
    if (out.empty()) {
        if (absolute) return "/";
        return trailing_separator ? "./" : ".";
    }
    if (trailing_separator) out += "/";
    return absolute ? "/" + out : out;
}

std::string resolve(std::span<const std::string> segments, std::string_view cwd) {
    std::string resolved;
    bool absolute = false;
    for (size_t i = segments.size(); i-- > 0 && !absolute;) {
        const std::string& path = segments[i];
        if (path.empty()) continue;
        resolved = path + "/" + resolved;
        absolute = path[0] == '/';
    }
    if (!absolute) {
        resolved = std::string(cwd) + "/" + resolved;
        absolute = !cwd.empty() && cwd[0] == '/';
    }
    resolved = normalize_string(resolved, !absolute);
    if (absolute) return "/" + resolved;
    return resolved.empty() ? "." : resolved;
}

std::string join(std::span<const std::string> segments) {
    std::string joined;
    for (const std::string& s : segments) {
        if (s.empty()) continue;
        if (!joined.empty()) joined += "/";
        joined += s;
    }
    return joined.empty() ? "." : normalize(joined);
}

std::string relative(std::string_view from_arg, std::string_view to_arg, std::string_view cwd) {
    if (from_arg == to_arg) return "";
    std::string from = resolve(std::vector<std::string>{std::string(from_arg)}, cwd);
    std::string to = resolve(std::vector<std::string>{std::string(to_arg)}, cwd);
    if (from == to) return "";
    const size_t from_start = 1, to_start = 1;
    size_t from_end = from.size();
    size_t from_len = from_end - from_start;
    size_t to_len = to.size() - to_start;
    size_t length = from_len < to_len ? from_len : to_len;
    long last_common_sep = -1;
    size_t i = 0;
    for (; i < length; ++i) {
        char from_code = from[from_start + i];
        if (from_code != to[to_start + i]) break;
        if (from_code == '/') last_common_sep = static_cast<long>(i);
    }
    if (i == length) {
        if (to_len > length) {
            if (to[to_start + i] == '/') return to.substr(to_start + i + 1);
            if (i == 0) return to.substr(to_start + i);
        } else if (from_len > length) {
            if (from[from_start + i] == '/') {
                last_common_sep = static_cast<long>(i);
            } else if (i == 0) {
                last_common_sep = 0;
            }
        }
    }
    std::string out;
    for (size_t k = from_start + static_cast<size_t>(last_common_sep + 1); k <= from_end; ++k) {
        if (k == from_end || from[k] == '/') out += out.empty() ? ".." : "/..";
    }
    return out + to.substr(static_cast<size_t>(static_cast<long>(to_start) + last_common_sep));
}

std::string dirname(std::string_view path) {
    if (path.empty()) return ".";
    bool has_root = path[0] == '/';
    long end = -1;
    bool matched_slash = true;
    for (long i = static_cast<long>(path.size()) - 1; i >= 1; --i) {
        if (path[static_cast<size_t>(i)] == '/') {
            if (!matched_slash) {
                end = i;
                break;
            }
        } else {
            matched_slash = false;
        }
    }
    if (end == -1) return has_root ? "/" : ".";
    if (has_root && end == 1) return "//";
    return std::string(path.substr(0, static_cast<size_t>(end)));
}

std::string basename(std::string_view path, std::string_view suffix) {
    long start = 0;
    long end = -1;
    bool matched_slash = true;
    long n = static_cast<long>(path.size());
    if (!suffix.empty() && suffix.size() <= path.size()) {
        if (suffix == path) return "";
        long ext_idx = static_cast<long>(suffix.size()) - 1;
        long first_non_slash_end = -1;
        for (long i = n - 1; i >= 0; --i) {
            char code = path[static_cast<size_t>(i)];
            if (code == '/') {
                if (!matched_slash) {
                    start = i + 1;
                    break;
                }
            } else {
                if (first_non_slash_end == -1) {
                    matched_slash = false;
                    first_non_slash_end = i + 1;
                }
                if (ext_idx >= 0) {
                    if (code == suffix[static_cast<size_t>(ext_idx)]) {
                        if (--ext_idx == -1) end = i;
                    } else {
                        ext_idx = -1;
                        end = first_non_slash_end;
                    }
                }
            }
        }
        if (start == end) {
            end = first_non_slash_end;
        } else if (end == -1) {
            end = n;
        }
        return std::string(path.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
    }
    for (long i = n - 1; i >= 0; --i) {
        if (path[static_cast<size_t>(i)] == '/') {
            if (!matched_slash) {
                start = i + 1;
                break;
            }
        } else if (end == -1) {
            matched_slash = false;
            end = i + 1;
        }
    }
    if (end == -1) return "";
    return std::string(path.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
}

namespace {

// The scan extname and parse share: where the last part starts and ends and
// where its extension's dot is.
struct Scan {
    long start_dot = -1, start_part = 0, end = -1;
    int pre_dot_state = 0;
    bool no_extension() const {
        return start_dot == -1 || end == -1 || pre_dot_state == 0 ||
               (pre_dot_state == 1 && start_dot == end - 1 && start_dot == start_part + 1);
    }
};

Scan scan_last_part(std::string_view path, long stop) {
    Scan s;
    bool matched_slash = true;
    for (long i = static_cast<long>(path.size()) - 1; i >= stop; --i) {
        char c = path[static_cast<size_t>(i)];
        if (c == '/') {
            if (!matched_slash) {
                s.start_part = i + 1;
                break;
            }
            continue;
        }
        if (s.end == -1) {
            matched_slash = false;
            s.end = i + 1;
        }
        if (c == '.') {
            if (s.start_dot == -1) {
                s.start_dot = i;
            } else if (s.pre_dot_state != 1) {
                s.pre_dot_state = 1;
            }
        } else if (s.start_dot != -1) {
            s.pre_dot_state = -1;
        }
    }
    return s;
}

std::string slice(std::string_view s, long from, long to) {
    return std::string(s.substr(static_cast<size_t>(from), static_cast<size_t>(to - from)));
}

}  // namespace

std::string extname(std::string_view path) {
    Scan s = scan_last_part(path, 0);
    if (s.no_extension()) return "";
    return slice(path, s.start_dot, s.end);
}

Parsed parse(std::string_view path) {
    Parsed ret;
    if (path.empty()) return ret;
    bool absolute = path[0] == '/';
    if (absolute) ret.root = "/";
    Scan s = scan_last_part(path, absolute ? 1 : 0);
    if (s.end != -1) {
        long start = s.start_part == 0 && absolute ? 1 : s.start_part;
        if (s.start_dot == -1 || s.pre_dot_state == 0 ||
            (s.pre_dot_state == 1 && s.start_dot == s.end - 1 && s.start_dot == s.start_part + 1)) {
            ret.base = ret.name = slice(path, start, s.end);
        } else {
            ret.name = slice(path, start, s.start_dot);
            ret.base = slice(path, start, s.end);
            ret.ext = slice(path, s.start_dot, s.end);
        }
    }
    if (s.start_part > 0) {
        ret.dir = slice(path, 0, s.start_part - 1);
    } else if (absolute) {
        ret.dir = "/";
    }
    return ret;
}

}  // namespace path_posix

namespace {

using namespace js;
using module_support::string_arg;

// process.cwd() when the runtime has installed `process`, else "/".
std::string current_directory(Isolate& isolate) {
    Value process = get(isolate, Value::object(isolate.realm().global), "process");
    if (process.is_object()) {
        Value cwd = get(isolate, process, "cwd");
        if (is_callable(cwd)) return to_string(isolate, isolate.call(cwd, process, {}));
    }
    return "/";
}

std::vector<std::string> string_args(Isolate& isolate, const CallArgs& call, std::string_view name) {
    std::vector<std::string> out;
    for (size_t i = 0; i < call.size(); ++i) out.push_back(string_arg(isolate, call, i, name));
    return out;
}

Value str(Isolate& isolate, std::string s) { return isolate.new_string(std::move(s)); }

Value path_resolve(Isolate& isolate, const CallArgs& call) {
    std::vector<std::string> segments;
    for (size_t i = 0; i < call.size(); ++i) {
        segments.push_back(string_arg(isolate, call, i, "paths[" + std::to_string(i) + "]"));
    }
    bool absolute = false;
    for (const auto& s : segments) absolute = absolute || path_posix::is_absolute(s);
    return str(isolate, path_posix::resolve(segments, absolute ? "/" : current_directory(isolate)));
}

Value path_normalize(Isolate& isolate, const CallArgs& call) {
    return str(isolate, path_posix::normalize(string_arg(isolate, call, 0, "path")));
}

Value path_is_absolute(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(path_posix::is_absolute(string_arg(isolate, call, 0, "path")));
}

Value path_join(Isolate& isolate, const CallArgs& call) {
    return str(isolate, path_posix::join(string_args(isolate, call, "path")));
}

Value path_relative(Isolate& isolate, const CallArgs& call) {
    std::string from = string_arg(isolate, call, 0, "from");
    std::string to = string_arg(isolate, call, 1, "to");
    bool both_absolute = path_posix::is_absolute(from) && path_posix::is_absolute(to);
    return str(isolate, path_posix::relative(from, to, both_absolute ? "/" : current_directory(isolate)));
}

Value path_dirname(Isolate& isolate, const CallArgs& call) {
    return str(isolate, path_posix::dirname(string_arg(isolate, call, 0, "path")));
}

Value path_basename(Isolate& isolate, const CallArgs& call) {
    std::string suffix;
    if (!call.arg(1).is_undefined()) suffix = string_arg(isolate, call, 1, "ext");
    return str(isolate, path_posix::basename(string_arg(isolate, call, 0, "path"), suffix));
}

Value path_extname(Isolate& isolate, const CallArgs& call) {
    return str(isolate, path_posix::extname(string_arg(isolate, call, 0, "path")));
}

Value path_parse(Isolate& isolate, const CallArgs& call) {
    path_posix::Parsed p = path_posix::parse(string_arg(isolate, call, 0, "path"));
    JsObject* ret = isolate.new_object();
    for (auto [key, value] : {std::pair<const char*, std::string*>{"root", &p.root}, {"dir", &p.dir},
                              {"base", &p.base}, {"ext", &p.ext}, {"name", &p.name}}) {
        create_data_property(isolate, ret, isolate.intern(key), str(isolate, *value));
    }
    return Value::object(ret);
}

// _format('/', pathObject).
Value path_format(Isolate& isolate, const CallArgs& call) {
    Value obj = call.arg(0);
    if (!obj.is_object() || is_callable(obj)) module_support::throw_invalid_arg_type(isolate, "pathObject", "object", obj);
    auto field = [&](const char* name) {
        Value v = get(isolate, obj, name);
        return to_boolean(v) ? to_string(isolate, v) : std::string();
    };
    std::string root = field("root");
    std::string dir = field("dir");
    if (dir.empty()) dir = root;
    std::string base = field("base");
    if (base.empty()) {
        std::string ext = field("ext");
        if (!ext.empty() && ext[0] != '.') ext = "." + ext;
        base = field("name") + ext;
    }
    if (dir.empty()) return str(isolate, base);
    return str(isolate, dir == root ? dir + base : dir + "/" + base);
}

Value path_to_namespaced(Isolate& isolate, const CallArgs& call) { return call.arg(0); }

}  // namespace

Value create_path_module(Isolate& isolate) {
    using module_support::export_function;
    JsObject* path = isolate.new_object();
    export_function(isolate, path, "resolve", path_resolve, 0);
    export_function(isolate, path, "normalize", path_normalize, 1);
    export_function(isolate, path, "isAbsolute", path_is_absolute, 1);
    export_function(isolate, path, "join", path_join, 0);
    export_function(isolate, path, "relative", path_relative, 2);
    export_function(isolate, path, "toNamespacedPath", path_to_namespaced, 1);
    export_function(isolate, path, "dirname", path_dirname, 1);
    export_function(isolate, path, "basename", path_basename, 2);
    export_function(isolate, path, "extname", path_extname, 1);
    export_function(isolate, path, "format", path_format, 1);
    export_function(isolate, path, "parse", path_parse, 1);
    module_support::export_value(isolate, path, "sep", isolate.intern("/"));
    module_support::export_value(isolate, path, "delimiter", isolate.intern(":"));
    // path.posix is the module itself, as on Linux; path.win32 is not modelled.
    module_support::export_value(isolate, path, "posix", Value::object(path));
    return Value::object(path);
}

}  // namespace looplab::node
