#include "ui/panel_loop.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/token.h"

namespace looplab::ui {
namespace {

using trace::Phase;
using trace::QueueKind;

constexpr float kPi = 3.14159265f;
// Where timers sits: upper left, so the six stations make a hexagon with a
// flat top and bottom, two at the sides. The centre text then sits between
// the side stations, and a wide, short tile (a projector's 16:9) still
// keeps every pill clear of it.
constexpr float kFirstStation = -kPi * 2.0f / 3.0f;

// The wheel's stations. idle and prepare run no JavaScript, so they share one.
struct Station {
    const char* name;
    Phase phase, also;
    int queue;  // QueueKind shown as "N waiting", -1 none, -2 poll's finished I/O
};
constexpr std::array<Station, 6> kStations{{
    {"timers", Phase::Timers, Phase::Timers, int(QueueKind::Timers)},
    {"pending", Phase::Pending, Phase::Pending, int(QueueKind::Pending)},
    {"idle, prepare", Phase::Idle, Phase::Prepare, -1},
    {"poll", Phase::Poll, Phase::Poll, -2},
    {"check", Phase::Check, Phase::Check, int(QueueKind::Immediates)},
    {"close", Phase::Close, Phase::Close, int(QueueKind::Close)},
}};

bool in_checkpoint(const trace::ViewState& v) {
    return std::any_of(v.stack.begin(), v.stack.end(), [](const trace::StackFrame& f) {
        return f.internal && (f.name == "processTicksAndRejections" || f.name == "runMicrotasks");
    });
}

bool before_loop(const trace::ViewState& v) {
    return !v.finished && (v.phase == Phase::Main || (v.loop_iteration == 0 && v.phase == Phase::None));
}

size_t waiting(const trace::ViewState& v, int queue) {
    if (queue == -2) return v.pool.completed.size();
    return queue < 0 ? 0 : v.queues[size_t(queue)].size();
}

// Text at `k` times its font's size: the wheel shrinks its type a little
// rather than scroll when its tile is small (presentation mode on 720p).
ImVec2 text_size(ImFont* f, const char* text, float k = 1.0f) {
    return f->CalcTextSizeA(f->FontSize * k, FLT_MAX, 0, text);
}

// A pill centred on `c`: bold name, optional second line in the body font.
ImVec2 pill_size(ImFont* bold, ImFont* ui, const char* name, const char* sub, float pad, float k = 1.0f) {
    const ImVec2 a = text_size(bold, name, k);
    const ImVec2 b = sub[0] ? text_size(ui, sub, k) : ImVec2(0, 0);
    return ImVec2(std::max(a.x, b.x) + 2 * pad, a.y + (sub[0] ? b.y : 0) + pad);
}

struct PillLook {
    ImU32 fill, border;
    float border_w;
    ImU32 ink, sub_ink;
};

void draw_pill(ImDrawList* dl, ImVec2 c, ImFont* bold, ImFont* ui, const char* name, const char* sub, float pad,
               const PillLook& look, float k = 1.0f) {
    const ImVec2 size = pill_size(bold, ui, name, sub, pad, k);
    const ImVec2 min(c.x - size.x * 0.5f, c.y - size.y * 0.5f);
    const ImVec2 max(c.x + size.x * 0.5f, c.y + size.y * 0.5f);
    const float r = std::min(size.y * 0.5f, pad * 1.6f);
    dl->AddRectFilled(min, max, look.fill, r);
    dl->AddRect(min, max, look.border, r, 0, look.border_w);
    const ImVec2 a = text_size(bold, name, k);
    dl->AddText(bold, bold->FontSize * k, ImVec2(c.x - a.x * 0.5f, min.y + pad * 0.5f), look.ink, name);
    if (sub[0]) {
        const ImVec2 b = text_size(ui, sub, k);
        dl->AddText(ui, ui->FontSize * k, ImVec2(c.x - b.x * 0.5f, min.y + pad * 0.5f + a.y), look.sub_ink, sub);
    }
}

// The wheel is an ellipse: a wide, short tile (a projector's 16:9) keeps
// its stations apart without a tall circle.
struct Ellipse {
    ImVec2 c;
    float rx, ry;
    ImVec2 at(float a) const { return ImVec2(c.x + rx * std::cos(a), c.y + ry * std::sin(a)); }
};

// An arc of the ellipse from angle a0 to a1 (clockwise on screen) with an arrowhead.
void draw_arrow_arc(ImDrawList* dl, const Ellipse& e, float a0, float a1, ImU32 col, float thick) {
    constexpr int kSegments = 12;
    for (int i = 0; i <= kSegments; ++i) dl->PathLineTo(e.at(a0 + (a1 - a0) * float(i) / kSegments));
    dl->PathStroke(col, 0, thick);
    const ImVec2 tip = e.at(a1);
    const ImVec2 ahead = e.at(a1 + 0.01f);
    const float len = std::max(1e-3f, std::hypot(ahead.x - tip.x, ahead.y - tip.y));
    const ImVec2 dir((ahead.x - tip.x) / len, (ahead.y - tip.y) / len);  // the tangent, clockwise
    const ImVec2 norm(dir.y, -dir.x);
    const float h = thick * 5.0f;
    dl->AddTriangleFilled(ImVec2(tip.x + dir.x * h, tip.y + dir.y * h),
                          ImVec2(tip.x - norm.x * h * 0.7f, tip.y - norm.y * h * 0.7f),
                          ImVec2(tip.x + norm.x * h * 0.7f, tip.y + norm.y * h * 0.7f), col);
}

// Smallest wheel that keeps its stations apart, in pill sizes.
constexpr float kMinWide = 3.1f, kMinTall = 3.6f;

// The widest station at `k` times the type size decides how far the wheel
// must stay from the edges.
ImVec2 widest_pill(ImFont* bold, ImFont* ui, float pad, float k) {
    ImVec2 m(0, 0);
    for (const Station& st : kStations) {
        const ImVec2 sz = pill_size(bold, ui, st.name, "9 waiting", pad, k);
        m = ImVec2(std::max(m.x, sz.x), std::max(m.y, sz.y));
    }
    return m;
}

}  // namespace

float LoopPanel::wanted_height(const Appearance& look) {
    const float s = look.scale();
    const ImVec2 pill = widest_pill(look.fonts().bold, look.fonts().ui, 8 * s, kPlannedTypeScale);
    return chrome_height(look) + std::ceil(pill.y * kMinTall + 4 * s);
}

std::string LoopPanel::subtitle(const PanelContext& ctx) const {
    const trace::ViewState& v = ctx.view;
    const std::string thread = thread_prefix(v);
    if (v.finished || v.phase == trace::Phase::Exit) return thread + "exited";
    if (before_loop(v)) return thread + "main script";
    return thread + "iteration " + std::to_string(v.loop_iteration);
}

void LoopPanel::draw_body(const PanelContext& ctx) {
    const trace::ViewState& v = ctx.view;
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImFont* heading = ctx.look.fonts().heading;
    ImFont* mono = ctx.look.fonts().mono;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool dark = ctx.look.theme() == Theme::Dark;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float pad = 8 * s;
    // Fit the wheel to the tile: the type shrinks (to kMinTypeScale at most)
    // before the body would scroll. The pill padding does not shrink with
    // the type: refine a few times.
    float k = 1.0f;
    ImVec2 pill = widest_pill(bold, ui, pad, k);
    for (int i = 0; i < 4; ++i) {
        const float fit = std::min(avail.x / (pill.x * kMinWide + 8 * s), avail.y / (pill.y * kMinTall + 4 * s));
        if (fit >= 1.0f || k <= kMinTypeScale) break;
        k = std::max(kMinTypeScale, k * fit);
        pill = widest_pill(bold, ui, pad, k);
    }
    const float pill_w = pill.x, pill_h = pill.y;
    const float w = std::max(avail.x, pill_w * kMinWide + 8 * s);
    const float h = std::max(avail.y, pill_h * kMinTall + 4 * s);
    Ellipse wheel;
    wheel.c = ImVec2(origin.x + w * 0.5f, origin.y + h * 0.5f);
    // Top and bottom stations at 0.87 ry must clear the two centre lines.
    wheel.ry = std::max(pill_h * 1.5f, ((h - pill_h) * 0.5f - 2 * s) / 0.87f);
    wheel.rx = std::clamp((w - pill_w) * 0.5f - 2 * s, pill_w * 1.05f, wheel.ry * 1.8f);
    const ImVec2 c = wheel.c;

    const bool main_script = before_loop(v);
    const bool exited = v.finished || v.phase == Phase::Exit;
    const bool checkpoint = in_checkpoint(v);
    const ImU32 rim = main_script || exited ? pal.text_dim : pal.text;
    const float thick = std::max(2.0f, 2.5f * s);

    // The track, then an arrowhead halfway between stations: the direction
    // the loop turns.
    const float step = 2 * kPi / float(kStations.size());
    for (int i = 0; i <= 64; ++i) dl->PathLineTo(wheel.at(2 * kPi * float(i) / 64));
    dl->PathStroke(ImGui::GetColorU32(ImGuiCol_Border), 0, thick * 2.5f);
    for (size_t i = 0; i < kStations.size(); ++i) {
        const float a = kFirstStation + step * (float(i) + 0.5f);
        draw_arrow_arc(dl, wheel, a - step * 0.15f, a + step * 0.05f, rim, thick * 1.4f);
    }

    int lit_station = -1;
    for (size_t i = 0; i < kStations.size(); ++i) {
        const Station& st = kStations[i];
        const ImVec2 p = wheel.at(kFirstStation + step * float(i));
        const bool lit = !main_script && !exited && (v.phase == st.phase || v.phase == st.also);
        if (lit) lit_station = int(i);
        char sub[32] = "";
        if (st.queue != -1) {
            const size_t n = waiting(v, st.queue);
            if (n > 0) std::snprintf(sub, sizeof sub, "%zu waiting", n);
        }
        const PillLook look{lit ? pal.accent : ImGui::GetColorU32(ImGuiCol_FrameBg),
                            lit ? pal.current_line_marker : ImGui::GetColorU32(ImGuiCol_Border),
                            lit ? 3 * thick / 2 : 1.5f,
                            lit ? IM_COL32(255, 255, 255, 255) : (main_script || exited ? pal.text_dim : pal.text),
                            lit ? IM_COL32(255, 255, 255, 255) : pal.text_dim};
        draw_pill(dl, p, bold, ui, st.name, sub, pad, look, k);
    }

    // The centre: the state of the loop in words, then time.
    std::string state;
    if (exited) state = "exited";
    else if (main_script) state = "main script";
    else state = "iteration " + std::to_string(v.loop_iteration);
    char time[48];
    std::snprintf(time, sizeof time, "t = %.3f ms", double(v.time_ns) / 1e6);
    const ImVec2 ss = text_size(heading, state.c_str(), k);
    const ImVec2 ts = text_size(mono, time, k);
    float y = c.y - (ss.y + ts.y) * 0.5f;
    if (main_script) {
        // Before the loop the main script is the only thing running: a lit pill.
        draw_pill(dl, ImVec2(c.x, y + ss.y * 0.5f), heading, ui, state.c_str(), "", pad,
                  PillLook{pal.accent, pal.current_line_marker, 3 * thick / 2, IM_COL32(255, 255, 255, 255), pal.text_dim},
                  k);
    } else {
        dl->AddText(heading, heading->FontSize * k, ImVec2(c.x - ss.x * 0.5f, y), exited ? pal.text_dim : pal.text,
                    state.c_str());
    }
    y += ss.y + 4 * s;
    dl->AddText(mono, mono->FontSize * k, ImVec2(c.x - ts.x * 0.5f, y), pal.text, time);

    // Between callbacks Node drains nextTicks then promises: show it on the
    // spoke from the centre to the phase that ran the callback.
    if (checkpoint) {
        const char* label = "microtask checkpoint";
        const TokenColours tc = token_colours(TokenKind::Microtask, ctx.look.theme());
        ImVec2 p(c.x, y + ts.y + pill_h * 0.9f);
        if (lit_station >= 0) {
            const float a = kFirstStation + step * float(lit_station);
            p = ImVec2(c.x + wheel.rx * 0.55f * std::cos(a), c.y + wheel.ry * 0.55f * std::sin(a));
        }
        draw_pill(dl, p, bold, ui, label, "", pad,
                  PillLook{tc.fill, tc.border, thick, dark ? IM_COL32_WHITE : IM_COL32_BLACK, pal.text_dim}, k);
    }
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace looplab::ui
