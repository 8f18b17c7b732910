// How util.inspect lays entries out on lines: groupArrayElements (columns
// for long arrays of short entries), isBelowBreakLength and
// reduceToSingleString, as in Node v20.
#include <algorithm>
#include <cmath>

#include "engine/node/inspect_internal.h"

namespace looplab::node::inspect_detail {

using namespace js;

namespace {

std::string join(const std::vector<std::string>& output, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < output.size(); ++i) {
        if (i != 0) out += separator;
        out += output[i];
    }
    return out;
}

std::string pad_start(const std::string& s, size_t width) {
    size_t len = js_length(s);
    return len >= width ? s : std::string(width - len, ' ') + s;
}

std::string pad_end(const std::string& s, size_t width) {
    size_t len = js_length(s);
    return len >= width ? s : s + std::string(width - len, ' ');
}

// Numbers (and bigints) align right in columns; anything else aligns left.
bool all_numeric(Isolate& isolate, JsObject* value, size_t count) {
    if (value == nullptr) return true;
    for (size_t i = 0; i < count; ++i) {
        Value v = get(isolate, Value::object(value), Value::number(static_cast<double>(i)));
        if (!v.is_number() && !v.is_bigint()) return false;
    }
    return true;
}

std::vector<std::string> group_array_elements(Context& ctx, const std::vector<std::string>& output, JsObject* value) {
    size_t total_length = 0;
    size_t max_length = 0;
    size_t output_length = output.size();
    // The "... n more items" entry does not take part in the columns.
    if (ctx.options.max_array_length < static_cast<double>(output.size())) output_length--;
    constexpr size_t kSeparatorSpace = 2;  // ", "
    std::vector<size_t> data_len(output_length);
    for (size_t i = 0; i < output_length; ++i) {
        size_t len = string_width(output[i]);
        data_len[i] = len;
        total_length += len + kSeparatorSpace;
        max_length = std::max(max_length, len);
    }
    double actual_max = static_cast<double>(max_length + kSeparatorSpace);
    // At least three entries must fit next to each other, and one entry may
    // not dwarf the rest (otherwise the gaps between short entries get huge).
    if (!(actual_max * 3 + ctx.indentation_lvl < ctx.options.break_length &&
          (static_cast<double>(total_length) / actual_max > 5 || max_length <= 6))) {
        return output;
    }
    constexpr double kApproxCharHeights = 2.5;
    double average_bias = std::sqrt(actual_max - static_cast<double>(total_length) / static_cast<double>(output.size()));
    double biased_max = std::max(actual_max - 3 - average_bias, 1.0);
    double columns_d = std::min({
        std::round(std::sqrt(kApproxCharHeights * biased_max * static_cast<double>(output_length)) / biased_max),
        std::floor((ctx.options.break_length - ctx.indentation_lvl) / actual_max),
        static_cast<double>(ctx.options.compact) * 4,
        15.0,
    });
    if (columns_d <= 1) return output;
    auto columns = static_cast<size_t>(columns_d);

    std::vector<size_t> max_line_length;
    for (size_t i = 0; i < columns; ++i) {
        size_t line_max = 0;
        for (size_t j = i; j < output_length; j += columns) line_max = std::max(line_max, data_len[j]);
        max_line_length.push_back(line_max + kSeparatorSpace);
    }
    bool numeric = all_numeric(ctx.isolate, value, output.size());
    std::vector<std::string> grouped;
    for (size_t i = 0; i < output_length; i += columns) {
        size_t max = std::min(i + columns, output_length);
        std::string line;
        size_t j = i;
        for (; j < max - 1; ++j) {
            // Widths are measured in columns; padding counts code units, so
            // add the difference back as Node does for colour codes.
            size_t padding = max_line_length[j - i] + js_length(output[j]) - data_len[j];
            line += numeric ? pad_start(output[j] + ", ", padding) : pad_end(output[j] + ", ", padding);
        }
        if (numeric) {
            size_t padding = max_line_length[j - i] + js_length(output[j]) - data_len[j] - kSeparatorSpace;
            line += pad_start(output[j], padding);
        } else {
            line += output[j];
        }
        grouped.push_back(std::move(line));
    }
    if (ctx.options.max_array_length < static_cast<double>(output.size())) grouped.push_back(output[output_length]);
    return grouped;
}

bool is_below_break_length(Context& ctx, const std::vector<std::string>& output, double start,
                           const std::string& base) {
    // Each entry is separated by at least a comma, so start with one per entry.
    double total_length = static_cast<double>(output.size()) + start;
    if (total_length + static_cast<double>(output.size()) > ctx.options.break_length) return false;
    for (const std::string& entry : output) {
        total_length += static_cast<double>(js_length(entry));
        if (total_length > ctx.options.break_length) return false;
    }
    // Do not line up properties on the same line if `base` contains line breaks.
    return base.find('\n') == std::string::npos;
}

}  // namespace

std::string reduce_to_single_string(Context& ctx, std::vector<std::string> output, const std::string& base,
                                    const std::string& brace_open, const std::string& brace_close, EntryType type,
                                    double recurse_times, JsObject* value) {
    std::string base_part = base.empty() ? "" : base + " ";
    if (!ctx.options.compact_all) {
        if (ctx.options.compact >= 1) {
            size_t entries = output.size();
            if (type == EntryType::ArrayExtras && entries > 6) output = group_array_elements(ctx, output, value);
            // Consolidate the entries of the innermost `compact` levels onto
            // one line when they fit, unless grouping changed the entries.
            if (ctx.current_depth - recurse_times < ctx.options.compact && entries == output.size()) {
                double start = static_cast<double>(output.size() + js_length(brace_open) + js_length(base) + 10) +
                               ctx.indentation_lvl;
                if (is_below_break_length(ctx, output, start, base)) {
                    std::string joined = join(output, ", ");
                    if (joined.find('\n') == std::string::npos) {
                        return base_part + brace_open + " " + joined + " " + brace_close;
                    }
                }
            }
        }
        std::string indentation = "\n" + repeat_spaces(ctx.indentation_lvl);
        return base_part + brace_open + indentation + "  " + join(output, "," + indentation + "  ") + indentation +
               brace_close;
    }
    // compact: true keeps entries on the opening line.
    if (is_below_break_length(ctx, output, 0, base)) {
        return brace_open + (base.empty() ? "" : " " + base) + " " + join(output, ", ") + " " + brace_close;
    }
    std::string indentation = repeat_spaces(ctx.indentation_lvl);
    std::string ln = base.empty() && js_length(brace_open) == 1 ? " " : (base.empty() ? "" : " " + base) + "\n" + indentation + "  ";
    return brace_open + ln + join(output, ",\n" + indentation + "  ") + " " + brace_close;
}

}  // namespace looplab::node::inspect_detail
