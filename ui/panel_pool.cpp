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

// With several processes each has its own pool and the panel shows the
// focused thread's process's: the subtitle says whose ("child 4243: ").
std::string pool_owner(const trace::ViewState& v) {
    if (v.processes.size() < 2 || v.pool_process >= v.processes.size()) return {};
    const trace::ProcessView& p = v.processes[v.pool_process];
    return (v.pool_process == 0 ? "process " + std::to_string(p.pid) : p.name) + ": ";
}

}  // namespace

std::string PoolPanel::subtitle(const PanelContext& ctx) const {
    const trace::PoolView& pool = ctx.view.pool;
    const std::string owner = pool_owner(ctx.view);
    if (pool.size == 0) return owner.empty() ? owner : owner + "not used";
    return owner + std::to_string(busy_count(pool)) + " of " + std::to_string(pool.size) + " busy";
}

// Mirrors draw_body: the two queues (a token high) and a lane per thread
// (the bold type and its padding), each followed by 3 px of spacing.
float PoolPanel::wanted_height(const Appearance& look, uint32_t threads) {
    const float s = look.scale();
    const float queue = token_size(Token{"x", 0, {}, TokenKind::Pool}, look).y + 3 * s;
    const float lane = look.fonts().bold->FontSize + 8 * s + 3 * s;
    return chrome_height(look) + 2 * queue + float(std::min(threads, kMaxLanes)) * lane;
}

void PoolPanel::draw_body(const PanelContext& ctx) {
    const trace::PoolView& pool = ctx.view.pool;
    if (pool.size == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.look.palette().text_dim);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(ctx.view.processes.size() > 1
                                   ? "Not used by this process. fs, crypto.pbkdf2/scrypt, zlib and dns.lookup run "
                                     "their work here; each process has its own pool."
                                   : "Not used by this program. fs, crypto.pbkdf2/scrypt, zlib and dns.lookup run "
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
    // A short tile (presentation on 720p) summarises idle threads in one
    // line rather than scroll the busy ones out of view.
    const float row_h = bold->FontSize + 11 * ctx.look.scale();
    const bool short_tile = ImGui::GetContentRegionAvail().y < row_h * float(pool.threads.size() + 2);
    uint32_t drawn = 0, idle_hidden = 0;
    for (uint32_t t = 0; t < pool.threads.size(); ++t) {
        const trace::PoolJob& job = pool.threads[t];
        if ((drawn >= kMaxLanes || short_tile) && job.item == 0) {
            idle_hidden++;
            continue;
        }
        draw_lane(ctx, t, job, label_w);
        drawn++;
    }
    if (idle_hidden > 0) ImGui::TextDisabled(drawn > 0 ? "%u more threads idle" : "%u threads idle", idle_hidden);
    draw_queue(ctx, "done \u2192 poll", pool.completed, Place::poll_queue(), TokenKind::Poll, label_w);
    ImGui::PopStyleVar();
}

// How far a running job is, in virtual time: "12.0 of 40.0 ms" and the
// share done, or "running 12.0 ms" (share < 0) when its end is not known yet.
struct Progress {
    float share = -1;
    char text[48] = "";   // "12.0 of 40.0 ms"
    char brief[24] = "";  // "30%", for a narrow lane
};

Progress progress_of(const trace::PoolJob& job, uint64_t now_ns) {
    Progress p;
    const double elapsed_ms = double(now_ns > job.started_ns ? now_ns - job.started_ns : 0) / 1e6;
    if (job.finish_ns > job.started_ns) {
        const double total_ms = double(job.finish_ns - job.started_ns) / 1e6;
        p.share = float(std::clamp(elapsed_ms / total_ms, 0.0, 1.0));
        std::snprintf(p.text, sizeof p.text, "%.1f of %.1f ms", std::min(elapsed_ms, total_ms), total_ms);
        std::snprintf(p.brief, sizeof p.brief, "%.0f%%", double(p.share) * 100.0);
    } else {
        std::snprintf(p.text, sizeof p.text, "running %.1f ms", elapsed_ms);
        std::snprintf(p.brief, sizeof p.brief, "%.0f ms", elapsed_ms);
    }
    return p;
}

// thread N | [pbkdf2  line 10 =======progress====    12.0 of 40.0 ms]
// The job is the bar: its fill grows with the virtual time spent, its name
// on the left and the time on the right, both inside, so a narrow tile
// never puts one over the other (the time gives way first).
void PoolPanel::draw_lane(const PanelContext& ctx, uint32_t thread, const trace::PoolJob& job, float label_w) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x - 4 * s, label_w + 120 * s);
    const float h = bold->FontSize + 8 * s;
    const ImVec2 lane_min(origin.x + label_w, origin.y);
    const ImVec2 lane_max(origin.x + width, origin.y + h);
    const float r = 6 * s;

    const std::string name = "thread " + std::to_string(thread + 1);
    dl->AddText(bold, bold->FontSize, ImVec2(origin.x, origin.y + (h - bold->FontSize) * 0.5f),
                job.item ? pal.text : pal.text_dim, name.c_str());
    if (job.item == 0) {
        dl->AddRect(lane_min, lane_max, ImGui::GetColorU32(ImGuiCol_Border), r, 0, 1.0f);
        dl->AddText(ui, ui->FontSize, ImVec2(lane_min.x + 10 * s, origin.y + (h - ui->FontSize) * 0.5f),
                    pal.text_dim, "idle");
        ImGui::Dummy(ImVec2(width, h));
        return;
    }
    const TokenColours c = token_colours(TokenKind::Pool, ctx.look.theme());
    const Progress p = progress_of(job, ctx.view.time_ns);
    const float alpha = animator_ ? animator_->settled_alpha(job.item) : 1.0f;
    dl->AddRectFilled(lane_min, lane_max, ImGui::GetColorU32(ImGuiCol_FrameBg, alpha), r);
    const float done = p.share < 0 ? 1.0f : p.share;
    if (done > 0) {
        dl->AddRectFilled(lane_min, ImVec2(lane_min.x + (lane_max.x - lane_min.x) * done, lane_max.y),
                          (c.fill & ~IM_COL32_A_MASK) | (ImU32(255 * alpha) << IM_COL32_A_SHIFT), r);
    }
    dl->AddRect(lane_min, lane_max, c.border, r, 0, std::max(1.5f, 2 * s));
    if (animator_) animator_->anchor(Place::pool_thread(thread), job.item, lane_min, lane_max);

    // The name, the time at the right, and the line between them if there
    // is room: on a narrow tile the line goes first, then the time.
    const ImU32 ink = ctx.look.theme() == Theme::Dark ? IM_COL32_WHITE : IM_COL32_BLACK;
    const float text_y = origin.y + (h - bold->FontSize) * 0.5f;
    const float gap = 8 * s;
    const std::string label(ctx.label(job.item));
    const uint32_t job_line = ctx.line(job.item);
    const std::string line = job_line ? "line " + std::to_string(job_line) : std::string();
    const float name_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, label.c_str()).x;
    const float line_w = line.empty() ? 0 : ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, line.c_str()).x + gap;
    const float room = lane_max.x - lane_min.x - 20 * s - name_w;
    const char* time = p.text;
    float time_w = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, time).x + gap;
    if (time_w > room) {
        time = p.brief;
        time_w = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, time).x + gap;
    }
    const bool show_time = time_w <= room;
    const bool show_line = !line.empty() && line_w + (show_time ? time_w : 0) <= room;
    dl->PushClipRect(lane_min, lane_max, true);
    const float x = lane_min.x + 10 * s;
    dl->AddText(bold, bold->FontSize, ImVec2(x, text_y), ink, label.c_str());
    if (show_line) dl->AddText(ui, ui->FontSize, ImVec2(x + name_w + gap, text_y), ink, line.c_str());
    if (show_time) dl->AddText(ui, ui->FontSize, ImVec2(lane_max.x - 10 * s - time_w + gap, text_y), ink, time);
    dl->PopClipRect();
    ImGui::Dummy(ImVec2(width, h));
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s on pool thread %u: %s of virtual time.\nIts callback runs in the poll phase after it "
                          "finishes.",
                          label.c_str(), thread + 1, p.text);
    }
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
        const Token token{ctx.label(job.item), ctx.line(job.item), {}, kind};
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
