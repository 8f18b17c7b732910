// Translating JavaScript patterns to std::regex and running searches.
//
// std::regex's ECMAScript grammar is ES3's: no named groups, no s flag, no
// lookbehind, no \p{...}, and its \s is the locale's. The translation below
// fills the gaps that are a rewrite away and refuses the rest with a
// SyntaxError that says so. Errors that V8 reports for malformed patterns
// are detected here first so their messages match V8's.
#include <pthread.h>

#include <cstring>
#include <functional>

#include "engine/js/operations.h"
#include "engine/js/regexp.h"

namespace looplab::js {

namespace {

// JavaScript's WhiteSpace and LineTerminator set, which \s means in JS.
constexpr const wchar_t* kJsSpaceClassBody =
    L"\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

// Above this many code units a search runs on a helper thread with a large
// stack: libstdc++'s matcher recurses once per character of a match, and
// `.*` over 30k characters already overflows an 8 MB stack.
constexpr size_t kBigStackThreshold = 2000;
constexpr size_t kBigStackBytes = size_t(1) << 30;  // reserved, committed only as touched
// Past this, even the helper's stack may not hold a match: a clear error.
constexpr size_t kMaxSubjectUnits = 2'000'000;

struct PatternError {
    std::string message;
};

bool is_syntax_char(char16_t c) {
    return c == '^' || c == '$' || c == '\\' || c == '.' || c == '*' || c == '+' || c == '?' || c == '(' ||
           c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c == '-' || c == '/';
}

bool is_quantifier_start(std::u16string_view p, size_t i) {
    char16_t c = p[i];
    if (c == '*' || c == '+' || c == '?') return true;
    if (c != '{') return false;
    // Only {n}, {n,} and {n,m} are quantifiers; a lone { is a literal in non-u mode.
    size_t j = i + 1;
    if (j >= p.size() || p[j] < '0' || p[j] > '9') return false;
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
    if (j < p.size() && p[j] == ',') {
        ++j;
        while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
    }
    return j < p.size() && p[j] == '}';
}

void check_quantifier_range(std::u16string_view p, size_t i) {
    // {n,m} with n > m: V8 reports "numbers out of order in {} quantifier".
    size_t j = i + 1;
    double lo = 0, hi = -1;
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') lo = lo * 10 + (p[j++] - '0');
    if (p[j] != ',') return;
    ++j;
    if (p[j] == '}') return;
    hi = 0;
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') hi = hi * 10 + (p[j++] - '0');
    if (hi < lo) throw PatternError{"numbers out of order in {} quantifier"};
}

std::string read_group_name(std::u16string_view p, size_t* i) {
    // *i points just past '<'.
    size_t close = p.find(u'>', *i);
    if (close == std::u16string_view::npos) throw PatternError{"Invalid capture group name"};
    std::string name = utf16_to_utf8(p.substr(*i, close - *i));
    if (name.empty()) throw PatternError{"Invalid capture group name"};
    *i = close + 1;
    return name;
}

// First pass: the names of capture groups in order (group 0 = whole match).
std::vector<std::string> collect_group_names(std::u16string_view p) {
    std::vector<std::string> names{""};
    bool in_class = false;
    for (size_t i = 0; i < p.size(); ++i) {
        char16_t c = p[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
        } else if (c == '(') {
            if (i + 1 < p.size() && p[i + 1] == '?') {
                if (i + 2 < p.size() && p[i + 2] == '<' && i + 3 < p.size() && p[i + 3] != '=' && p[i + 3] != '!') {
                    size_t j = i + 3;
                    std::string name = read_group_name(p, &j);
                    for (const auto& existing : names) {
                        if (existing == name) throw PatternError{"Duplicate capture group name"};
                    }
                    names.push_back(name);
                }
            } else {
                names.push_back("");
            }
        }
    }
    return names;
}

void append_hex4(std::wstring& out, uint32_t unit) {
    static const char* hex = "0123456789abcdef";
    out += L"\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += static_cast<wchar_t>(hex[(unit >> shift) & 0xF]);
}

// Translates one escape sequence starting at p[i] == '\\'; returns the index of its last character.
size_t translate_escape(std::u16string_view p, size_t i, bool in_class, bool unicode,
                        const std::vector<std::string>& names, std::wstring& out) {
    if (i + 1 >= p.size()) throw PatternError{"\\ at end of pattern"};
    char16_t c = p[i + 1];
    switch (c) {
        case 's':
            out += in_class ? std::wstring(kJsSpaceClassBody) : std::wstring(L"[") + kJsSpaceClassBody + L"]";
            return i + 1;
        case 'S':
            out += in_class ? std::wstring(L"\\S") : std::wstring(L"[^") + kJsSpaceClassBody + L"]";
            return i + 1;
        case 'd': case 'D': case 'w': case 'W': case 'b': case 'B': case 'n': case 'r': case 't':
        case 'f': case 'v': case 'x': case 'c':
            out += L'\\';
            out += static_cast<wchar_t>(c);
            return i + 1;
        case 'u':
            if (unicode && i + 2 < p.size() && p[i + 2] == '{') {
                size_t close = p.find(u'}', i + 3);
                if (close == std::u16string_view::npos) throw PatternError{"Invalid Unicode escape"};
                uint32_t cp = static_cast<uint32_t>(std::stoul(utf16_to_utf8(p.substr(i + 3, close - i - 3)), nullptr, 16));
                if (cp >= 0x10000) {
                    cp -= 0x10000;
                    append_hex4(out, 0xD800 + (cp >> 10));
                    append_hex4(out, 0xDC00 + (cp & 0x3FF));
                } else {
                    append_hex4(out, cp);
                }
                return close;
            }
            out += L"\\u";
            return i + 1;
        case 'p': case 'P':
            if (unicode) throw PatternError{"looplab: Unicode property escapes (\\p{...}) are not supported"};
            out += static_cast<wchar_t>(c);
            return i + 1;
        case 'k': {
            if (i + 2 < p.size() && p[i + 2] == '<' && names.size() > 1) {
                size_t j = i + 3;
                std::string name = read_group_name(p, &j);
                for (size_t g = 1; g < names.size(); ++g) {
                    if (names[g] == name) {
                        out += L'\\' + std::to_wstring(g);
                        return j - 1;
                    }
                }
                throw PatternError{"Invalid named capture referenced"};
            }
            out += L'k';
            return i + 1;
        }
        case '0':
            out += L"\\x00";
            return i + 1;
        default:
            if (c >= '1' && c <= '9') {
                out += L'\\';
                out += static_cast<wchar_t>(c);
                return i + 1;
            }
            // Identity escapes: keep the escape only where std::regex needs it.
            if (is_syntax_char(c) && c != '/') out += L'\\';
            out += static_cast<wchar_t>(c);
            return i + 1;
    }
}

struct Translation {
    std::wstring pattern;
    std::vector<std::string> names;
};

Translation translate(std::u16string_view p, bool dot_all, bool unicode) {
    Translation t;
    t.names = collect_group_names(p);
    std::wstring& out = t.pattern;
    bool in_class = false;
    int depth = 0;
    bool can_repeat = false;  // is there an atom before a quantifier?
    for (size_t i = 0; i < p.size(); ++i) {
        char16_t c = p[i];
        if (c == '\\') {
            i = translate_escape(p, i, in_class, unicode, t.names, out);
            can_repeat = true;
            continue;
        }
        if (in_class) {
            if (c == ']') in_class = false;
            out += static_cast<wchar_t>(c);
            continue;
        }
        if (is_quantifier_start(p, i)) {
            if (!can_repeat) throw PatternError{"Nothing to repeat"};
            if (c == '{') check_quantifier_range(p, i);
            out += static_cast<wchar_t>(c);
            // A lazy or possessive marker after the quantifier is part of it.
            can_repeat = false;
            if (c == '{') {
                size_t close = p.find(u'}', i);
                for (size_t j = i + 1; j <= close; ++j) out += static_cast<wchar_t>(p[j]);
                i = close;
            }
            if (i + 1 < p.size() && p[i + 1] == '?') out += static_cast<wchar_t>(p[++i]);
            continue;
        }
        switch (c) {
            case '[':
                if (p.substr(i, 3) == u"[^]") {
                    out += L"[\\s\\S]";
                    i += 2;
                } else if (p.substr(i, 2) == u"[]") {
                    out += L"[^\\s\\S]";
                    i += 1;
                } else {
                    in_class = true;
                    out += L'[';
                    if (i + 1 < p.size() && p[i + 1] == '^') out += static_cast<wchar_t>(p[++i]);
                    // A ']' first in a class is a literal in std::regex but ends an empty class in JS.
                }
                can_repeat = true;
                break;
            case '(':
                ++depth;
                can_repeat = false;
                if (i + 1 < p.size() && p[i + 1] == '?') {
                    if (i + 2 < p.size() && p[i + 2] == '<') {
                        if (i + 3 < p.size() && (p[i + 3] == '=' || p[i + 3] == '!')) {
                            throw PatternError{"looplab: lookbehind is not supported"};
                        }
                        size_t j = i + 3;
                        read_group_name(p, &j);
                        out += L'(';
                        i = j - 1;
                        break;
                    }
                    if (i + 2 < p.size() && (p[i + 2] == ':' || p[i + 2] == '=' || p[i + 2] == '!')) {
                        out += L"(?";
                        out += static_cast<wchar_t>(p[i + 2]);
                        i += 2;
                        break;
                    }
                    throw PatternError{"Invalid group"};
                }
                out += L'(';
                break;
            case ')':
                if (depth == 0) throw PatternError{"Unmatched ')'"};
                --depth;
                out += L')';
                can_repeat = true;
                break;
            case '|':
                out += L'|';
                can_repeat = false;
                break;
            case '^':
            case '$':
                out += static_cast<wchar_t>(c);
                can_repeat = false;
                break;
            case '.':
                out += dot_all ? L"[\\s\\S]" : L".";
                can_repeat = true;
                break;
            default:
                // A brace that is not a quantifier is a literal in JS; std::regex wants it escaped.
                if (c == '{' || c == '}' || c == ']') out += L'\\';
                out += static_cast<wchar_t>(c);
                can_repeat = true;
                break;
        }
    }
    if (in_class) throw PatternError{"Unterminated character class"};
    if (depth > 0) throw PatternError{"Unterminated group"};
    return t;
}

std::regex_constants::syntax_option_type syntax_options(const JsRegExp& rx) {
    auto options = std::regex::ECMAScript;
    if (rx.ignore_case) options |= std::regex::icase;
    if (rx.multiline) options |= std::regex::multiline;
    return options;
}

bool parse_flags(std::string_view flags, JsRegExp& rx) {
    static constexpr std::string_view kOrder = "dgimsuy";
    bool seen[7] = {};
    for (char f : flags) {
        size_t k = kOrder.find(f);
        if (k == std::string_view::npos || seen[k]) return false;
        seen[k] = true;
    }
    rx.has_indices = seen[0];
    rx.global = seen[1];
    rx.ignore_case = seen[2];
    rx.multiline = seen[3];
    rx.dot_all = seen[4];
    rx.unicode = seen[5];
    rx.sticky = seen[6];
    for (size_t k = 0; k < kOrder.size(); ++k) {
        if (seen[k]) rx.flags += kOrder[k];
    }
    return true;
}

// Runs `work` on a thread whose stack is big enough for long matches.
void run_with_big_stack(const std::function<void()>& work) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kBigStackBytes);
    std::exception_ptr error;
    struct Job {
        const std::function<void()>* work;
        std::exception_ptr* error;
    } job{&work, &error};
    pthread_t thread;
    auto entry = [](void* arg) -> void* {
        auto* j = static_cast<Job*>(arg);
        try {
            (*j->work)();
        } catch (...) {
            *j->error = std::current_exception();
        }
        return nullptr;
    };
    if (pthread_create(&thread, &attr, entry, &job) != 0) {
        pthread_attr_destroy(&attr);
        work();  // no thread available: try on this stack
        return;
    }
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    if (error) std::rethrow_exception(error);
}

}  // namespace

namespace {

// Where the group opened at `open` closes (escapes and classes skipped), or npos.
size_t closing_paren(std::u16string_view p, size_t open) {
    int depth = 0;
    bool in_class = false;
    for (size_t i = open; i < p.size(); ++i) {
        char16_t c = p[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return i;
        }
    }
    return std::u16string_view::npos;
}

// Splits a leading (?<=X) / (?<!X) off the pattern: compiles (?:X)$ into
// rx.behind and returns the rest. X may not capture (its groups would shift
// the numbering of the rest); other lookbehinds stay unsupported.
std::u16string split_leading_lookbehind(JsRegExp& rx, std::u16string_view p) {
    if (p.size() < 4 || p.substr(0, 3) != u"(?<" || (p[3] != '=' && p[3] != '!')) return std::u16string(p);
    size_t close = closing_paren(p, 0);
    if (close == std::u16string_view::npos) throw PatternError{"Unterminated group"};
    std::u16string_view body = p.substr(4, close - 4);
    Translation t = translate(body, rx.dot_all, rx.unicode);
    if (t.names.size() != 1) throw PatternError{"looplab: a lookbehind with capture groups is not supported"};
    auto options = syntax_options(rx) & ~std::regex_constants::multiline;
    rx.behind.assign(L"(?:" + t.pattern + L")$", options);
    rx.has_behind = true;
    rx.behind_negative = p[3] == '!';
    return std::u16string(p.substr(close + 1));
}

// The leading lookbehind holds just before `start`.
bool behind_holds(const JsRegExp& rx, const std::wstring& units, size_t start) {
    bool found = std::regex_search(units.begin(), units.begin() + static_cast<long>(start), rx.behind);
    return found != rx.behind_negative;
}

}  // namespace

Value new_regexp(Isolate& isolate, std::string_view pattern, std::string_view flags) {
    JsRegExp* rx = isolate.heap().make<JsRegExp>(isolate.realm().regexp_prototype);
    if (!parse_flags(flags, *rx)) {
        isolate.throw_error(ErrorType::SyntaxError,
                            "Invalid flags supplied to RegExp constructor '" + std::string(flags) + "'");
    }
    rx->source = utf8_to_utf16(pattern);
    std::string prefix = "Invalid regular expression: /" + std::string(pattern) + "/" + rx->flags + ": ";
    try {
        std::u16string rest = split_leading_lookbehind(*rx, rx->source);
        Translation t = translate(rest, rx->dot_all, rx->unicode);
        rx->group_names = std::move(t.names);
        for (const auto& name : rx->group_names) rx->has_named_groups |= !name.empty();
        rx->re.assign(t.pattern, syntax_options(*rx));
    } catch (const PatternError& e) {
        isolate.throw_error(ErrorType::SyntaxError, prefix + e.message);
    } catch (const std::regex_error& e) {
        isolate.throw_error(ErrorType::SyntaxError, prefix + "Invalid regular expression (" + e.what() + ")");
    }
    if (rx->group_names.size() != rx->re.mark_count() + 1) {
        isolate.throw_error(ErrorType::SyntaxError, prefix + "looplab could not translate this pattern");
    }
    define_own_property(isolate, rx, isolate.intern("lastIndex"), Value::number(0), kWritable);
    return Value::object(rx);
}

bool regexp_search(Isolate& isolate, JsRegExp* rx, const std::wstring& units, size_t from, bool sticky,
                   RegexMatch* out) {
    if (from > units.size()) return false;
    if (units.size() > kMaxSubjectUnits) {
        isolate.throw_range_error("looplab: regular expressions on strings longer than " +
                                  std::to_string(kMaxSubjectUnits) + " characters are not supported");
    }
    auto flags = std::regex_constants::match_default;
    if (from > 0) flags |= std::regex_constants::match_prev_avail;
    if (sticky) flags |= std::regex_constants::match_continuous;
    std::wsmatch m;
    bool found = false;
    auto search = [&] { found = std::regex_search(units.begin() + static_cast<long>(from), units.end(), m, rx->re, flags); };
    auto run = [&] {
        try {
            if (units.size() - from > kBigStackThreshold) {
                run_with_big_stack(search);
            } else {
                search();
            }
        } catch (const std::regex_error&) {
            isolate.throw_range_error("looplab: regular expression too complex for this input (backtracking limit)");
        }
    };
    run();
    // A candidate whose leading lookbehind fails moves the search one unit
    // on; bounded by the subject's length.
    while (found && rx->has_behind) {
        size_t start = static_cast<size_t>(m[0].first - units.begin());
        if (behind_holds(*rx, units, start)) break;
        if (sticky || start + 1 > units.size()) return false;
        from = start + 1;
        flags |= std::regex_constants::match_prev_avail;
        run();
    }
    if (!found) return false;
    out->groups.clear();
    for (size_t g = 0; g < m.size(); ++g) {
        if (!m[g].matched) {
            out->groups.emplace_back(-1, -1);
        } else {
            long start = m[g].first - units.begin();
            out->groups.emplace_back(start, start + m[g].length());
        }
    }
    return true;
}

}  // namespace looplab::js
