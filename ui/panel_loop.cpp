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

ImVec2 text_size(ImFont* f, const char* text) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text); }

// A pill centred on `c`: bold name, optional second line in the body font.
ImVec2 pill_size(ImFont* bold, ImFont* ui, const char* name, const char* sub, float pad) {
    const ImVec2 a = text_size(bold, name);
    const ImVec2 b = sub[0] ? text_size(ui, sub) : ImVec2(0, 0);
    return ImVec2(std::max(a.x, b.x) + 2 * pad, a.y + (sub[0] ? b.y : 0) + pad);
}

void draw_pill(ImDrawList* dl, ImVec2 c, ImFont* bold, ImFont* ui, const char* name, const char* sub, float pad,
               ImU32 fill, ImU32 border, float border_w, ImU32 ink, ImU32 sub_ink) {
    const ImVec2 size = pill_size(bold, ui, name, sub, pad);
    const ImVec2 min(c.x - size.x * 0.5f, c.y - size.y * 0.5f);
    const ImVec2 max(c.x + size.x * 0.5f, c.y + size.y * 0.5f);
    const float r = std::min(size.y * 0.5f, pad * 1.6f);
    dl->AddRectFilled(min, max, fill, r);
    dl->AddRect(min, max, border, r, 0, border_w);
    const ImVec2 a = text_size(bold, name);
    dl->AddText(bold, bold->FontSize, ImVec2(c.x - a.x * 0.5f, min.y + pad * 0.5f), ink, name);
    if (sub[0]) {
        const ImVec2 b = text_size(ui, sub);
        dl->AddText(ui, ui->FontSize, ImVec2(c.x - b.x * 0.5f, min.y + pad * 0.5f + a.y), sub_ink, sub);
    }
}

// An arc from angle a0 to a1 (clockwise on screen) with an arrowhead.
void draw_arrow_arc(ImDrawList* dl, ImVec2 c, float r, float a0, float a1, ImU32 col, float thick) {
    dl->PathArcTo(c, r, a0, a1, 24);
    dl->PathStroke(col, 0, thick);
    const ImVec2 tip(c.x + r * std::cos(a1), c.y + r * std::sin(a1));
    const ImVec2 dir(-std::sin(a1), std::cos(a1));  // the tangent, clockwise
    const ImVec2 norm(std::cos(a1), std::sin(a1));
    const float h = thick * 5.0f;
    dl->AddTriangleFilled(ImVec2(tip.x + dir.x * h, tip.y + dir.y * h),
                          ImVec2(tip.x - norm.x * h * 0.7f, tip.y - norm.y * h * 0.7f),
                          ImVec2(tip.x + norm.x * h * 0.7f, tip.y + norm.y * h * 0.7f), col);
}

}  // namespace

std::string LoopPanel::subtitle(const PanelContext& ctx) const {
    const trace::ViewState& v = ctx.view;
    if (v.finished) return "exited";
    if (before_loop(v)) return "main script";
    return "iteration " + std::to_string(v.loop_iteration);
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
    // The widest station decides how far the wheel must stay from the edges.
    float pill_w = 0, pill_h = 0;
    for (const Station& st : kStations) {
        const ImVec2 sz = pill_size(bold, ui, st.name, "9 waiting", pad);
        pill_w = std::max(pill_w, sz.x);
        pill_h = std::max(pill_h, sz.y);
    }
    // Fit the wheel to the panel; below a readable minimum the body scrolls.
    const float w = std::max(avail.x, pill_w * 2 + 40 * s);
    const float h = std::max(avail.y, pill_h * 4 + 20 * s);
    const float radius = std::max(pill_h * 1.5f, std::min((w - pill_w) * 0.5f, (h - pill_h) * 0.5f) - 2 * s);
    const ImVec2 c(origin.x + w * 0.5f, origin.y + h * 0.5f);

    const bool main_script = before_loop(v);
    const bool exited = v.finished || v.phase == Phase::Exit;
    const bool checkpoint = in_checkpoint(v);
    const ImU32 rim = main_script || exited ? pal.text_dim : pal.text;
    const float thick = std::max(2.0f, 2.5f * s);

    // The track, then an arrowhead halfway between stations: the direction
    // the loop turns.
    const float step = 2 * kPi / float(kStations.size());
    dl->AddCircle(c, radius, ImGui::GetColorU32(ImGuiCol_Border), 64, thick * 2.5f);
    for (size_t i = 0; i < kStations.size(); ++i) {
        const float a = -kPi / 2 + step * (float(i) + 0.5f);
        draw_arrow_arc(dl, c, radius, a - step * 0.15f, a + step * 0.05f, rim, thick * 1.4f);
    }

    int lit_station = -1;
    for (size_t i = 0; i < kStations.size(); ++i) {
        const Station& st = kStations[i];
        const float a = -kPi / 2 + step * float(i);
        const ImVec2 p(c.x + radius * std::cos(a), c.y + radius * std::sin(a));
        const bool lit = !main_script && !exited && (v.phase == st.phase || v.phase == st.also);
        if (lit) lit_station = int(i);
        char sub[32] = "";
        if (st.queue != -1) {
            const size_t n = waiting(v, st.queue);
            if (n > 0) std::snprintf(sub, sizeof sub, "%zu waiting", n);
        }
        const ImU32 fill = lit ? pal.accent : ImGui::GetColorU32(ImGuiCol_FrameBg);
        const ImU32 border = lit ? pal.current_line_marker : ImGui::GetColorU32(ImGuiCol_Border);
        const ImU32 ink = lit ? IM_COL32(255, 255, 255, 255) : (main_script || exited ? pal.text_dim : pal.text);
        draw_pill(dl, p, bold, ui, st.name, sub, pad, fill, border, lit ? 3 * thick / 2 : 1.5f, ink,
                  lit ? IM_COL32(255, 255, 255, 255) : pal.text_dim);
    }

    // The centre: the state of the loop in words, then time.
    std::string state;
    if (exited) state = "exited";
    else if (main_script) state = "main script";
    else state = "iteration " + std::to_string(v.loop_iteration);
    char time[48];
    std::snprintf(time, sizeof time, "t = %.3f ms", double(v.time_ns) / 1e6);
    const ImVec2 ss = text_size(heading, state.c_str());
    const ImVec2 ts = text_size(mono, time);
    float y = c.y - (ss.y + ts.y) * 0.5f;
    if (main_script) {
        // Before the loop the main script is the only thing running: a lit pill.
        draw_pill(dl, ImVec2(c.x, y + ss.y * 0.5f), heading, ui, state.c_str(), "", pad, pal.accent,
                  pal.current_line_marker, 3 * thick / 2, IM_COL32(255, 255, 255, 255), pal.text_dim);
    } else {
        dl->AddText(heading, heading->FontSize, ImVec2(c.x - ss.x * 0.5f, y), exited ? pal.text_dim : pal.text,
                    state.c_str());
    }
    y += ss.y + 4 * s;
    dl->AddText(mono, mono->FontSize, ImVec2(c.x - ts.x * 0.5f, y), pal.text, time);

    // Between callbacks Node drains nextTicks then promises: show it on the
    // spoke from the centre to the phase that ran the callback.
    if (checkpoint) {
        const char* label = "microtask checkpoint";
        const TokenColours tc = token_colours(TokenKind::Microtask, ctx.look.theme());
        ImVec2 p(c.x, y + ts.y + pill_h * 0.9f);
        if (lit_station >= 0) {
            const float a = -kPi / 2 + step * float(lit_station);
            p = ImVec2(c.x + radius * 0.55f * std::cos(a), c.y + radius * 0.55f * std::sin(a));
        }
        draw_pill(dl, p, bold, ui, label, "", pad, tc.fill, tc.border, thick, dark ? IM_COL32_WHITE : IM_COL32_BLACK,
                  pal.text_dim);
    }
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace looplab::ui
