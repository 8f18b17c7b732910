// Regular expressions on top of std::regex (ECMAScript grammar).
//
// Patterns are translated from JavaScript where std::regex lacks a feature
// (named groups, \k<name>, the s flag, [^], JS's \s set) and refused with a
// clear SyntaxError where it cannot (lookbehind other than at the start of
// the pattern, \p{...}). Subjects are
// matched as UTF-16 code units (one wchar_t per unit), so indices and
// lastIndex are JavaScript's. The i flag folds ASCII case only.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/js/isolate.h"

namespace looplab::js {

struct JsRegExp final : JsObject {
    explicit JsRegExp(JsObject* prototype) : JsObject(prototype, ObjectClass::RegExp) {}
    std::wregex re;
    std::u16string source;  // the pattern as written
    std::string flags;      // canonical order "dgimsuy"
    bool global = false, ignore_case = false, multiline = false, dot_all = false;
    bool unicode = false, sticky = false, has_indices = false;
    // One entry per capture group (index 0 = the whole match); "" when unnamed.
    std::vector<std::string> group_names;
    bool has_named_groups = false;
    // A lookbehind that opens the pattern, (?<=X) or (?<!X), which std::regex
    // lacks: `re` holds the rest and `behind` is (?:X)$, tried on the text
    // before each candidate match.
    bool has_behind = false, behind_negative = false;
    std::wregex behind;
    // The last subject converted to code units, so `while (re.exec(s))`
    // loops do not convert the same string on every call.
    std::string cached_subject;
    std::wstring cached_units;
    size_t byte_size() const override {
        return sizeof(JsRegExp) + source.size() * 2 + cached_subject.size() + cached_units.size() * 4;
    }
};

// The RegExp literal /pattern/flags (the VM's RegExpLit) and new RegExp(p, f).
// Invalid patterns throw SyntaxError "Invalid regular expression: /(/: Unterminated group".
Value new_regexp(Isolate& isolate, std::string_view pattern, std::string_view flags);

inline bool is_regexp_object(Value v) { return v.is_object() && v.as_object()->cls == ObjectClass::RegExp; }

// Symbol.match / matchAll / replace / search / split, read from the Symbol
// constructor (created and defined there if the Symbol installer did not).
JsSymbol* regexp_well_known_symbol(Isolate& isolate, std::string_view name);

// One successful match in code-unit indices; groups[i] = {-1, -1} when group i did not participate.
struct RegexMatch {
    std::vector<std::pair<long, long>> groups;
    size_t start() const { return static_cast<size_t>(groups[0].first); }
    size_t end() const { return static_cast<size_t>(groups[0].second); }
};

// Searches `units` from `from` (sticky: only a match starting exactly there).
bool regexp_search(Isolate& isolate, JsRegExp* rx, const std::wstring& units, size_t from, bool sticky,
                   RegexMatch* out);

// 21.1.3.19.1 GetSubstitution: expands $$, $&, $`, $', $n, $nn and $<name>.
// `captures` holds strings or undefined; `named` is the groups object or undefined.
std::u16string get_substitution(Isolate& isolate, std::u16string_view matched, std::u16string_view str,
                                size_t position, const std::vector<Value>& captures, Value named,
                                std::u16string_view replacement);

}  // namespace looplab::js
