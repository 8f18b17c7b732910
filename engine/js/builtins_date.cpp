// Date (ECMAScript 21.4) on the isolate's virtual clock.
//
// The simulated machine's time zone is UTC (as `TZ=UTC node` runs): local
// time equals UTC, getTimezoneOffset() is 0 and toString() ends in
// "GMT+0000 (Coordinated Universal Time)". toLocale*String use en-US, Node's
// default ICU locale. Date.parse accepts the ISO format and the common
// legacy forms (toString/toUTCString output, "Mar 5, 2024", "3/5/2024").
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

constexpr double kMsPerDay = 86400000.0;
constexpr const char* kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// ---------------------------------------------------------------- time math (21.4.1)

// Days since 1970-01-01 of a proleptic Gregorian date (month 0-based, may overflow).
double days_from_civil(double year, double month) {
    // MakeDay steps 5-7: normalise the month into the year first.
    double y = year + std::floor(month / 12);
    double m = std::fmod(month, 12);
    if (m < 0) m += 12;
    // Howard Hinnant's days_from_civil with March-based years.
    double yy = m < 2 ? y - 1 : y;
    double era = std::floor(yy / 400);
    double yoe = yy - era * 400;
    double mp = m < 2 ? m + 10 : m - 2;  // March = 0 (m is 0-based)
    double doy = std::floor((153 * mp + 2) / 5);
    double doe = yoe * 365 + std::floor(yoe / 4) - std::floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

struct Civil {
    double year, month, day;  // month 0-11, day 1-31
};

Civil civil_from_days(double z) {
    z += 719468;
    double era = std::floor(z / 146097);
    double doe = z - era * 146097;
    double yoe = std::floor((doe - std::floor(doe / 1460) + std::floor(doe / 36524) - std::floor(doe / 146096)) / 365);
    double y = yoe + era * 400;
    double doy = doe - (365 * yoe + std::floor(yoe / 4) - std::floor(yoe / 100));
    double mp = std::floor((5 * doy + 2) / 153);
    double d = doy - std::floor((153 * mp + 2) / 5) + 1;
    double m = mp < 10 ? mp + 3 : mp - 9;
    return {m <= 2 ? y + 1 : y, m - 1, d};
}

// 21.4.1.28 MakeTime / 21.4.1.29 MakeDay / 21.4.1.30 MakeDate
double make_time(double h, double m, double s, double ms) {
    if (!std::isfinite(h) || !std::isfinite(m) || !std::isfinite(s) || !std::isfinite(ms)) return NAN;
    return std::trunc(h) * 3600000.0 + std::trunc(m) * 60000.0 + std::trunc(s) * 1000.0 + std::trunc(ms);
}
double make_day(double year, double month, double date) {
    if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NAN;
    return days_from_civil(std::trunc(year), std::trunc(month)) + std::trunc(date) - 1;
}
double make_date(double day, double time) {
    if (!std::isfinite(day) || !std::isfinite(time)) return NAN;
    return day * kMsPerDay + time;
}
// 21.4.1.31 TimeClip
double time_clip(double t) {
    if (!std::isfinite(t) || std::fabs(t) > 8.64e15) return NAN;
    return std::trunc(t) + 0.0;  // + 0.0 turns -0 into +0
}

struct Fields {
    double year, month, day, hours, minutes, seconds, ms, weekday;
};

Fields fields_of(double t) {
    double day = std::floor(t / kMsPerDay);
    double in_day = t - day * kMsPerDay;
    Civil c = civil_from_days(day);
    double wd = std::fmod(day + 4, 7);
    if (wd < 0) wd += 7;
    return {c.year, c.month, c.day, std::floor(in_day / 3600000.0), std::fmod(std::floor(in_day / 60000.0), 60),
            std::fmod(std::floor(in_day / 1000.0), 60), std::fmod(in_day, 1000), wd};
}

// ---------------------------------------------------------------- formatting

std::string pad(double v, int width) {
    char buf[32];
    snprintf(buf, sizeof buf, "%0*.0f", width, v);
    return buf;
}

std::string year_text(double year) {
    return year < 0 ? "-" + pad(-year, 4) : pad(year, 4);
}

std::string date_part(const Fields& f) {
    return std::string(kDayNames[static_cast<int>(f.weekday)]) + " " + kMonthNames[static_cast<int>(f.month)] + " " +
           pad(f.day, 2) + " " + year_text(f.year);
}

std::string time_part(const Fields& f) {
    return pad(f.hours, 2) + ":" + pad(f.minutes, 2) + ":" + pad(f.seconds, 2) + " GMT+0000 (Coordinated Universal Time)";
}

std::string iso_string(double t) {
    Fields f = fields_of(t);
    std::string year = (f.year >= 0 && f.year <= 9999) ? pad(f.year, 4)
                                                       : std::string(f.year < 0 ? "-" : "+") + pad(std::fabs(f.year), 6);
    return year + "-" + pad(f.month + 1, 2) + "-" + pad(f.day, 2) + "T" + pad(f.hours, 2) + ":" + pad(f.minutes, 2) +
           ":" + pad(f.seconds, 2) + "." + pad(f.ms, 3) + "Z";
}

std::string utc_string(double t) {
    Fields f = fields_of(t);
    return std::string(kDayNames[static_cast<int>(f.weekday)]) + ", " + pad(f.day, 2) + " " +
           kMonthNames[static_cast<int>(f.month)] + " " + year_text(f.year) + " " + pad(f.hours, 2) + ":" +
           pad(f.minutes, 2) + ":" + pad(f.seconds, 2) + " GMT";
}

std::string locale_date(const Fields& f) {
    return pad(f.month + 1, 1) + "/" + pad(f.day, 1) + "/" + pad(f.year, 1);
}

std::string locale_time(const Fields& f) {
    double h12 = std::fmod(f.hours, 12);
    if (h12 == 0) h12 = 12;
    return pad(h12, 1) + ":" + pad(f.minutes, 2) + ":" + pad(f.seconds, 2) + (f.hours < 12 ? " AM" : " PM");
}

// ---------------------------------------------------------------- parsing

bool parse_digits(std::string_view s, size_t& i, size_t count, double* out) {
    if (i + count > s.size()) return false;
    double v = 0;
    for (size_t k = 0; k < count; ++k) {
        char c = s[i + k];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    i += count;
    *out = v;
    return true;
}

// 21.4.1.32 Date Time String Format. Date-only forms are UTC; date-times
// without an offset are local time, which is UTC here too.
bool parse_iso(std::string_view s, double* out) {
    size_t i = 0;
    double year, month = 1, day = 1, h = 0, m = 0, sec = 0, ms = 0;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        bool negative = s[0] == '-';
        ++i;
        if (!parse_digits(s, i, 6, &year)) return false;
        if (negative && year == 0) return false;
        if (negative) year = -year;
    } else if (!parse_digits(s, i, 4, &year)) {
        return false;
    }
    if (i < s.size() && s[i] == '-') {
        ++i;
        if (!parse_digits(s, i, 2, &month)) return false;
        if (i < s.size() && s[i] == '-') {
            ++i;
            if (!parse_digits(s, i, 2, &day)) return false;
        }
    }
    double offset_minutes = 0;
    if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        ++i;
        if (!parse_digits(s, i, 2, &h) || i >= s.size() || s[i] != ':') return false;
        ++i;
        if (!parse_digits(s, i, 2, &m)) return false;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!parse_digits(s, i, 2, &sec)) return false;
            if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
                ++i;
                double scale = 100;
                size_t start = i;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                    ms += (s[i] - '0') * scale;
                    scale /= 10;
                    ++i;
                }
                if (i == start) return false;
                ms = std::floor(ms);
            }
        }
        if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
            ++i;
        } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            int sign = s[i] == '-' ? -1 : 1;
            ++i;
            double oh, om;
            if (!parse_digits(s, i, 2, &oh)) return false;
            if (i < s.size() && s[i] == ':') ++i;
            if (!parse_digits(s, i, 2, &om)) return false;
            offset_minutes = sign * (oh * 60 + om);
        }
    }
    if (i != s.size()) return false;
    if (month < 1 || month > 12 || day < 1 || day > 31 || h > 24 || m > 59 || sec > 59) return false;
    if (h == 24 && (m != 0 || sec != 0 || ms != 0)) return false;
    double t = make_date(make_day(year, month - 1, day), make_time(h, m, sec, ms)) - offset_minutes * 60000.0;
    *out = time_clip(t);
    return true;
}

int month_from_word(std::string_view word) {
    if (word.size() < 3) return -1;
    for (int k = 0; k < 12; ++k) {
        std::string_view name = kMonthNames[k];
        bool same = true;
        for (size_t c = 0; c < 3; ++c) same &= (word[c] | 0x20) == (name[c] | 0x20);
        if (same) return k;
    }
    return -1;
}

// The legacy formats V8 accepts most often: "Tue Mar 05 2024 10:20:30 GMT+0000 (...)",
// "Tue, 05 Mar 2024 10:20:30 GMT", "Mar 5, 2024", "March 5, 2024 10:00", "3/5/2024".
bool parse_legacy(std::string_view s, double* out) {
    double year = NAN, month = NAN, day = NAN, h = 0, m = 0, sec = 0, offset = 0;
    std::vector<double> numbers;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '(') {
            size_t close = s.find(')', i);
            i = close == std::string_view::npos ? s.size() : close + 1;
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            size_t start = i;
            while (i < s.size() && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) ++i;
            std::string_view word = s.substr(start, i - start);
            int mon = month_from_word(word);
            if (mon >= 0) month = mon;
            bool is_zone = word == "GMT" || word == "UTC" || word == "Z" || word == "UT";
            if ((is_zone) && i < s.size() && (s[i] == '+' || s[i] == '-')) {
                int sign = s[i] == '-' ? -1 : 1;
                ++i;
                double hhmm = 0;
                size_t digits = 0;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') hhmm = hhmm * 10 + (s[i++] - '0'), ++digits;
                offset = sign * (digits <= 2 ? hhmm * 60 : std::floor(hhmm / 100) * 60 + std::fmod(hhmm, 100));
            }
            if (word == "PM" || word == "pm") h = std::fmod(h, 12) + 12;
            if ((word == "AM" || word == "am") && h == 12) h = 0;
        } else if (c >= '0' && c <= '9') {
            double v = 0;
            size_t start = i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
            if (i < s.size() && s[i] == ':') {
                h = v;
                ++i;
                size_t k = i;
                if (!parse_digits(s, k, 2, &m)) return false;
                i = k;
                if (i < s.size() && s[i] == ':') {
                    ++i;
                    if (!parse_digits(s, i, 2, &sec)) return false;
                }
            } else if (i < s.size() && s[i] == '/') {
                // m/d/y
                double parts[3] = {v, NAN, NAN};
                for (int p = 1; p < 3 && i < s.size() && s[i] == '/'; ++p) {
                    ++i;
                    double w = 0;
                    size_t digits_start = i;
                    while (i < s.size() && s[i] >= '0' && s[i] <= '9') w = w * 10 + (s[i++] - '0');
                    if (i == digits_start) return false;
                    parts[p] = w;
                }
                if (parts[0] > 31) {
                    year = parts[0], month = parts[1] - 1, day = parts[2];
                } else {
                    month = parts[0] - 1, day = parts[1], year = parts[2];
                }
            } else {
                numbers.push_back(i - start >= 3 ? -1 - v : v);  // 3+ digits: a year, marked negative
            }
        } else if ((c == '+' || c == '-') && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9' && !std::isnan(month)) {
            int sign = c == '-' ? -1 : 1;
            ++i;
            double hhmm = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') hhmm = hhmm * 10 + (s[i++] - '0');
            offset = sign * (std::floor(hhmm / 100) * 60 + std::fmod(hhmm, 100));
        } else {
            ++i;
        }
    }
    for (double n : numbers) {
        if (n < 0) {
            year = -1 - n;
        } else if (std::isnan(day) && n >= 1 && n <= 31) {
            day = n;
        } else if (std::isnan(year)) {
            year = n < 50 ? 2000 + n : n < 100 ? 1900 + n : n;
        }
    }
    if (std::isnan(year) || std::isnan(month)) return false;
    if (std::isnan(day)) day = 1;
    *out = time_clip(make_date(make_day(year, month, day), make_time(h, m, sec, 0)) - offset * 60000.0);
    return true;
}

double parse_date(std::string_view s) {
    double t;
    if (parse_iso(s, &t)) return t;
    if (parse_legacy(s, &t)) return t;
    return NAN;
}

// ---------------------------------------------------------------- constructor

double this_time(Isolate& isolate, Value v, const char* method) {
    if (!v.is_object() || v.as_object()->cls != ObjectClass::Date) isolate.throw_type_error("this is not a Date object.");
    (void)method;
    return v.as_object()->internal.as_number();
}

void set_this_time(Value v, double t) { v.as_object()->internal = Value::number(t); }

double now(Isolate& isolate) { return std::floor(isolate.now_ms()); }

// 21.4.2.1 Date ( ...values )
Value date_constructor(Isolate& isolate, const CallArgs& call) {
    if (!call.is_construct()) return isolate.new_string(date_part(fields_of(now(isolate))) + " " + time_part(fields_of(now(isolate))));
    double t;
    if (call.size() == 0) {
        t = now(isolate);
    } else if (call.size() == 1) {
        Value v = call.arg(0);
        if (v.is_object() && v.as_object()->cls == ObjectClass::Date) {
            t = v.as_object()->internal.as_number();
        } else {
            Value prim = to_primitive(isolate, v);
            t = prim.is_string() ? parse_date(prim.as_string()->view()) : time_clip(to_number(isolate, prim));
        }
    } else {
        double parts[7] = {0, 0, 1, 0, 0, 0, 0};
        for (size_t k = 0; k < 7 && k < call.size(); ++k) parts[k] = to_number(isolate, call.arg(k));
        double year = parts[0];
        if (std::isfinite(year) && std::trunc(year) >= 0 && std::trunc(year) <= 99) year = 1900 + std::trunc(year);
        t = time_clip(make_date(make_day(year, parts[1], parts[2]), make_time(parts[3], parts[4], parts[5], parts[6])));
    }
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, isolate.realm().date_prototype);
    JsObject* date = isolate.heap().make<JsObject>(proto, ObjectClass::Date);
    date->internal = Value::number(t);
    return Value::object(date);
}

Value date_now(Isolate& isolate, const CallArgs&) { return Value::number(now(isolate)); }
Value date_parse(Isolate& isolate, const CallArgs& call) { return Value::number(parse_date(to_string(isolate, call.arg(0)))); }

// 21.4.3.4 Date.UTC
Value date_utc(Isolate& isolate, const CallArgs& call) {
    double parts[7] = {NAN, 0, 1, 0, 0, 0, 0};
    for (size_t k = 0; k < 7 && k < call.size(); ++k) parts[k] = to_number(isolate, call.arg(k));
    double year = parts[0];
    if (std::isfinite(year) && std::trunc(year) >= 0 && std::trunc(year) <= 99) year = 1900 + std::trunc(year);
    return Value::number(time_clip(make_date(make_day(year, parts[1], parts[2]), make_time(parts[3], parts[4], parts[5], parts[6]))));
}

// ---------------------------------------------------------------- getters

enum class Field : uint8_t { Year, Month, Date, Day, Hours, Minutes, Seconds, Ms, Time, Offset };

// One native for every getter; native_data holds the Field.
Value date_getter(Isolate& isolate, const CallArgs& call) {
    double t = this_time(isolate, call.this_value, "get");
    auto field = static_cast<Field>(static_cast<int>(call.callee->native_data.as_number()));
    if (std::isnan(t)) return Value::number(NAN);
    if (field == Field::Time) return Value::number(t);
    if (field == Field::Offset) return Value::number(0);
    Fields f = fields_of(t);
    switch (field) {
        case Field::Year: return Value::number(f.year);
        case Field::Month: return Value::number(f.month);
        case Field::Date: return Value::number(f.day);
        case Field::Day: return Value::number(f.weekday);
        case Field::Hours: return Value::number(f.hours);
        case Field::Minutes: return Value::number(f.minutes);
        case Field::Seconds: return Value::number(f.seconds);
        case Field::Ms: return Value::number(f.ms);
        default: return Value::number(NAN);
    }
}

Value date_get_year(Isolate& isolate, const CallArgs& call) {
    double t = this_time(isolate, call.this_value, "getYear");
    return Value::number(std::isnan(t) ? NAN : fields_of(t).year - 1900);
}

// ---------------------------------------------------------------- setters

// One native per first field: setFullYear(y, m, d), setMonth(m, d), setDate(d),
// setHours(h, m, s, ms), setMinutes(m, s, ms), setSeconds(s, ms), setMilliseconds(ms).
Value date_setter(Isolate& isolate, const CallArgs& call) {
    double t = this_time(isolate, call.this_value, "set");
    auto first = static_cast<Field>(static_cast<int>(call.callee->native_data.as_number()));
    if (std::isnan(t)) {
        if (first != Field::Year) {
            for (size_t k = 0; k < call.size(); ++k) to_number(isolate, call.arg(k));
            return Value::number(NAN);
        }
        t = 0;  // setFullYear on an invalid date starts from +0
    }
    Fields f = fields_of(t);
    double values[7] = {f.year, f.month, f.day, f.hours, f.minutes, f.seconds, f.ms};
    int start = first == Field::Year ? 0 : first == Field::Month ? 1 : first == Field::Date ? 2
              : first == Field::Hours ? 3 : first == Field::Minutes ? 4 : first == Field::Seconds ? 5 : 6;
    int max_args = start <= 2 ? 3 - start : 7 - start;
    if (call.size() == 0) {
        set_this_time(call.this_value, NAN);
        return Value::number(NAN);
    }
    for (int k = 0; k < max_args && static_cast<size_t>(k) < call.size(); ++k) {
        values[start + k] = to_number(isolate, call.arg(static_cast<size_t>(k)));
    }
    double result = time_clip(make_date(make_day(values[0], values[1], values[2]),
                                        make_time(values[3], values[4], values[5], values[6])));
    set_this_time(call.this_value, result);
    return Value::number(result);
}

Value date_set_time(Isolate& isolate, const CallArgs& call) {
    this_time(isolate, call.this_value, "setTime");
    double t = time_clip(to_number(isolate, call.arg(0)));
    set_this_time(call.this_value, t);
    return Value::number(t);
}

// ---------------------------------------------------------------- string forms

enum class Form : uint8_t { Full, DateOnly, TimeOnly, Utc, Iso, Locale, LocaleDate, LocaleTime };

Value date_format(Isolate& isolate, const CallArgs& call) {
    double t = this_time(isolate, call.this_value, "toString");
    auto form = static_cast<Form>(static_cast<int>(call.callee->native_data.as_number()));
    if (std::isnan(t)) {
        if (form == Form::Iso) isolate.throw_range_error("Invalid time value");
        return isolate.intern("Invalid Date");
    }
    Fields f = fields_of(t);
    switch (form) {
        case Form::Full: return isolate.new_string(date_part(f) + " " + time_part(f));
        case Form::DateOnly: return isolate.new_string(date_part(f));
        case Form::TimeOnly: return isolate.new_string(time_part(f));
        case Form::Utc: return isolate.new_string(utc_string(t));
        case Form::Iso: return isolate.new_string(iso_string(t));
        case Form::Locale: return isolate.new_string(locale_date(f) + ", " + locale_time(f));
        case Form::LocaleDate: return isolate.new_string(locale_date(f));
        case Form::LocaleTime: return isolate.new_string(locale_time(f));
    }
    return Value::undefined();
}

// 21.4.4.37 Date.prototype.toJSON ( key )
Value date_to_json(Isolate& isolate, const CallArgs& call) {
    JsObject* o = to_object(isolate, call.this_value);
    Value tv = to_primitive(isolate, Value::object(o), "number");
    if (tv.is_number() && !std::isfinite(tv.as_number())) return Value::null();
    return call_method(isolate, Value::object(o), "toISOString", {});
}

// 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint )
Value date_to_primitive(Isolate& isolate, const CallArgs& call) {
    if (!call.this_value.is_object()) isolate.throw_type_error("Date.prototype [ @@toPrimitive ] called on non-object");
    std::string hint = call.arg(0).is_string() ? call.arg(0).as_string()->str() : "";
    if (hint != "string" && hint != "default" && hint != "number") isolate.throw_type_error("Invalid hint: " + to_string(isolate, call.arg(0)));
    bool string_first = hint != "number";
    const char* order[2] = {string_first ? "toString" : "valueOf", string_first ? "valueOf" : "toString"};
    for (const char* name : order) {
        Value method = get(isolate, call.this_value, name);
        if (is_callable(method)) {
            Value result = isolate.call(method, call.this_value, {});
            if (!result.is_object()) return result;
        }
    }
    isolate.throw_type_error("Cannot convert object to primitive value");
}

void define_with_data(Isolate& isolate, JsObject* proto, const char* name, NativeFn fn, int length, int data) {
    isolate.define_method(proto, name, fn, length)->native_data = Value::number(data);
}

void install_date_getters(Isolate& isolate, JsObject* proto) {
    static constexpr std::pair<const char*, Field> kGetters[] = {
        {"getDate", Field::Date},         {"getDay", Field::Day},         {"getFullYear", Field::Year},
        {"getHours", Field::Hours},       {"getMilliseconds", Field::Ms}, {"getMinutes", Field::Minutes},
        {"getMonth", Field::Month},       {"getSeconds", Field::Seconds}, {"getTime", Field::Time},
        {"getTimezoneOffset", Field::Offset},
        {"getUTCDate", Field::Date},      {"getUTCDay", Field::Day},      {"getUTCFullYear", Field::Year},
        {"getUTCHours", Field::Hours},    {"getUTCMilliseconds", Field::Ms}, {"getUTCMinutes", Field::Minutes},
        {"getUTCMonth", Field::Month},    {"getUTCSeconds", Field::Seconds}, {"valueOf", Field::Time},
    };
    for (auto [name, field] : kGetters) define_with_data(isolate, proto, name, date_getter, 0, static_cast<int>(field));
    isolate.define_method(proto, "getYear", date_get_year, 0);
}

void install_date_setters(Isolate& isolate, JsObject* proto) {
    static constexpr std::tuple<const char*, Field, int> kSetters[] = {
        {"setDate", Field::Date, 1},       {"setFullYear", Field::Year, 3},   {"setHours", Field::Hours, 4},
        {"setMilliseconds", Field::Ms, 1}, {"setMinutes", Field::Minutes, 3}, {"setMonth", Field::Month, 2},
        {"setSeconds", Field::Seconds, 2},
        {"setUTCDate", Field::Date, 1},    {"setUTCFullYear", Field::Year, 3}, {"setUTCHours", Field::Hours, 4},
        {"setUTCMilliseconds", Field::Ms, 1}, {"setUTCMinutes", Field::Minutes, 3}, {"setUTCMonth", Field::Month, 2},
        {"setUTCSeconds", Field::Seconds, 2},
    };
    for (auto [name, field, length] : kSetters) define_with_data(isolate, proto, name, date_setter, length, static_cast<int>(field));
    isolate.define_method(proto, "setTime", date_set_time, 1);
}

void install_date_formats(Isolate& isolate, JsObject* proto) {
    static constexpr std::pair<const char*, Form> kForms[] = {
        {"toDateString", Form::DateOnly}, {"toISOString", Form::Iso},          {"toLocaleDateString", Form::LocaleDate},
        {"toLocaleString", Form::Locale}, {"toLocaleTimeString", Form::LocaleTime}, {"toString", Form::Full},
        {"toTimeString", Form::TimeOnly}, {"toUTCString", Form::Utc},
    };
    for (auto [name, form] : kForms) define_with_data(isolate, proto, name, date_format, 0, static_cast<int>(form));
    isolate.define_value(proto, "toGMTString", get(isolate, Value::object(proto), "toUTCString"));
    isolate.define_method(proto, "toJSON", date_to_json, 1);
    JsFunction* to_prim = isolate.new_native_function("[Symbol.toPrimitive]", date_to_primitive, 1);
    define_own_property(isolate, proto, Value::symbol(isolate.symbols().to_primitive), Value::object(to_prim), kConfigurable);
}

}  // namespace

void install_date_builtins(Isolate& isolate) {
    JsObject* proto = isolate.new_object();
    isolate.realm().date_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "Date", date_constructor, 7, proto);
    isolate.define_method(ctor, "now", date_now, 0);
    isolate.define_method(ctor, "parse", date_parse, 1);
    isolate.define_method(ctor, "UTC", date_utc, 7);
    install_date_getters(isolate, proto);
    install_date_setters(isolate, proto);
    install_date_formats(isolate, proto);
}

}  // namespace looplab::js
