#include "ui/panel_pool.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

namespace looplab::ui {
namespace {

// Past this many lanes, idle threads are summarised in one line
// (UV_THREADPOOL_SIZE can be 1024).
constexpr uint32_t kMaxLanes = 16;

size_t busy_count(const trace::PoolView& pool) {
    return size_t(std::count_if(pool.threads.begin(), pool.threads.end(),
                                [](const trace::PoolJob& j) { return j.item != 0; }));
}

}  // namespace

std::string PoolPanel::subtitle(const PanelContext& ctx) const {
    const trace::PoolView& pool = ctx.view.pool;
    if (pool.size == 0) return {};
    return std::to_string(busy_count(pool)) + " of " + std::to_string(pool.size) + " busy";
}

void PoolPanel::draw_body(const PanelContext& ctx) {
    const trace::PoolView& pool = ctx.view.pool;
    if (pool.size == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.look.palette().text_dim);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("Not used by this program. fs, crypto.pbkdf2/scrypt, zlib and dns.lookup run "
                               "their work here.");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        return;
    }
    ImFont* bold = ctx.look.fonts().bold;
    const float label_w =
        std::max(bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, "thread 88").x,
                 bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, "done \u2192 poll").x) +
        16 * ctx.look.scale();

    // Top to bottom as the work flows: the work queue, the threads, then
    // finished work waiting for poll.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 3 * ctx.look.scale()));
    draw_queue(ctx, "waiting", pool.waiting, Place::pool_waiting(), TokenKind::Pool, label_w);
    uint32_t drawn = 0, idle_hidden = 0;
    for (uint32_t t = 0; t < pool.threads.size(); ++t) {
        const trace::PoolJob& job = pool.threads[t];
        if (drawn >= kMaxLanes && job.item == 0) {
            idle_hidden++;
            continue;
        }
        draw_lane(ctx, t, job, label_w);
        drawn++;
    }
    if (idle_hidden > 0) ImGui::TextDisabled("%u more threads idle", idle_hidden);
    draw_queue(ctx, "done \u2192 poll", pool.completed, Place::poll_queue(), TokenKind::Poll, label_w);
    ImGui::PopStyleVar();
}

// thread N | [token] [=====progress=====  12.0 of 40.0 ms]
void PoolPanel::draw_lane(const PanelContext& ctx, uint32_t thread, const trace::PoolJob& job, float label_w) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, label_w + 240 * s);
    const Token token{job.label, job.line, {}, TokenKind::Pool};
    const ImVec2 tsz = token_size(token, ctx.look);
    const float h = tsz.y + 4 * s;
    const ImVec2 lane_min(origin.x + label_w, origin.y);
    const ImVec2 lane_max(origin.x + width, origin.y + h);

    const std::string name = "thread " + std::to_string(thread + 1);
    dl->AddText(bold, bold->FontSize, ImVec2(origin.x, origin.y + (h - bold->FontSize) * 0.5f),
                job.item ? pal.text : pal.text_dim, name.c_str());
    dl->AddRect(lane_min, lane_max, ImGui::GetColorU32(ImGuiCol_Border), 6 * s, 0, 1.0f);

    if (job.item == 0) {
        dl->AddText(ui, ui->FontSize, ImVec2(lane_min.x + 10 * s, origin.y + (h - ui->FontSize) * 0.5f),
                    pal.text_dim, "idle");
    } else {
        const ImVec2 tpos(lane_min.x + 2 * s, origin.y + 2 * s);
        draw_token(dl, tpos, token, ctx.look, animator_ ? animator_->settled_alpha(job.item) : 1.0f);
        if (animator_) {
            animator_->anchor(Place::pool_thread(thread), job.item, tpos, ImVec2(tpos.x + tsz.x, tpos.y + tsz.y));
        }
        // Progress in virtual time: how much of the job's cost has elapsed.
        const uint64_t now = ctx.view.time_ns;
        const double elapsed_ms = double(now > job.started_ns ? now - job.started_ns : 0) / 1e6;
        char text[64];
        float fraction = -1;
        if (job.finish_ns > job.started_ns) {
            const double total_ms = double(job.finish_ns - job.started_ns) / 1e6;
            fraction = float(std::clamp(elapsed_ms / total_ms, 0.0, 1.0));
            std::snprintf(text, sizeof text, "%.1f of %.1f ms", std::min(elapsed_ms, total_ms), total_ms);
        } else {
            std::snprintf(text, sizeof text, "running %.1f ms", elapsed_ms);
        }
        const ImVec2 bar_min(tpos.x + tsz.x + 10 * s, origin.y + 4 * s);
        const ImVec2 bar_max(lane_max.x - 4 * s, lane_max.y - 4 * s);
        if (bar_max.x > bar_min.x + 40 * s) {
            const TokenColours c = token_colours(TokenKind::Pool, ctx.look.theme());
            dl->AddRectFilled(bar_min, bar_max, ImGui::GetColorU32(ImGuiCol_FrameBg), 4 * s);
            if (fraction > 0) {
                dl->AddRectFilled(bar_min, ImVec2(bar_min.x + (bar_max.x - bar_min.x) * fraction, bar_max.y),
                                  c.fill, 4 * s);
            }
            dl->AddRect(bar_min, bar_max, c.border, 4 * s, 0, std::max(1.0f, 1.5f * s));
            const ImVec2 tz = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, text);
            dl->AddText(ui, ui->FontSize,
                        ImVec2(bar_max.x - tz.x - 8 * s, bar_min.y + (bar_max.y - bar_min.y - tz.y) * 0.5f),
                        token_colours(TokenKind::Pool, ctx.look.theme()).text, text);
        }
    }
    ImGui::Dummy(ImVec2(width, h));
}

void PoolPanel::draw_queue(const PanelContext& ctx, const char* name, const std::deque<trace::PoolJob>& jobs,
                           Place place, TokenKind kind, float label_w) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, label_w + 160 * s);
    const float th = token_size(Token{"x", 0, {}, kind}, ctx.look).y;
    const float gap = 6 * s;
    float x = origin.x + label_w, y = origin.y;
    dl->AddText(bold, bold->FontSize, ImVec2(origin.x, origin.y + (th - bold->FontSize) * 0.5f), pal.text, name);
    if (jobs.empty()) {
        dl->AddText(ui, ui->FontSize, ImVec2(x, origin.y + (th - ui->FontSize) * 0.5f), pal.text_dim, "empty");
    }
    for (const trace::PoolJob& job : jobs) {
        const Token token{job.label, job.line, {}, kind};
        const ImVec2 sz = token_size(token, ctx.look);
        if (x + sz.x > origin.x + width && x > origin.x + label_w) {
            x = origin.x + label_w;
            y += th + gap;
        }
        draw_token(dl, ImVec2(x, y), token, ctx.look, animator_ ? animator_->settled_alpha(job.item) : 1.0f);
        if (animator_) animator_->anchor(place, job.item, ImVec2(x, y), ImVec2(x + sz.x, y + sz.y));
        x += sz.x + gap;
    }
    if (animator_) animator_->anchor(place, 0, ImVec2(x, y), ImVec2(x + th * 3, y + th));
    ImGui::Dummy(ImVec2(width, y - origin.y + th));
}

}  // namespace looplab::ui
