// A string's UTF-16 code units for the String built-ins: ASCII strings are
// indexed in place (byte index = code unit index), others are converted to
// UTF-16 once per operation (JsString::code_unit converts on every call).
#pragma once

#include <string>

#include "engine/js/string.h"

namespace looplab::js {

class Units {
public:
    explicit Units(const JsString* s) : text_(&s->str()), ascii_(s->is_ascii()) {
        if (!ascii_) u16_ = utf8_to_utf16(*text_);
    }
    bool ascii() const { return ascii_; }
    size_t size() const { return ascii_ ? text_->size() : u16_.size(); }
    char16_t operator[](size_t i) const {
        return ascii_ ? static_cast<char16_t>(static_cast<unsigned char>((*text_)[i])) : u16_[i];
    }
    // UTF-8 text of the code units [from, to).
    std::string slice(size_t from, size_t to) const {
        if (to <= from) return {};
        if (ascii_) return text_->substr(from, to - from);
        return utf16_to_utf8(std::u16string_view(u16_).substr(from, to - from));
    }
    std::u16string u16() const { return ascii_ ? std::u16string(text_->begin(), text_->end()) : u16_; }
    const std::string& utf8() const { return *text_; }

    // Index of `needle` at or after `from`, or npos.
    size_t find(const Units& needle, size_t from) const {
        if (ascii_ && needle.ascii_) return text_->find(*needle.text_, from);
        if (ascii_) return std::string::npos;  // a non-ASCII needle cannot occur in ASCII text
        return std::u16string_view(u16_).find(needle.u16(), from);
    }
    // Index of the last `needle` starting at or before `from`, or npos.
    size_t rfind(const Units& needle, size_t from) const {
        if (ascii_ && needle.ascii_) return text_->rfind(*needle.text_, from);
        if (ascii_) return std::string::npos;
        return std::u16string_view(u16_).rfind(needle.u16(), from);
    }

private:
    const std::string* text_;
    bool ascii_;
    std::u16string u16_;
};

}  // namespace looplab::js
