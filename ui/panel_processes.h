// Processes and their threads as a graph (process_graph.h): one box per
// simulated process with its pid, a row per JavaScript thread and its state
// in words (running, idle in poll, blocked, exited) and its own thread pool;
// arcs inside a box for messages between its threads, arrows between boxes
// for IPC messages in flight.
#pragma once

#include <string>
#include <vector>

#include "ui/panel.h"
#include "ui/process_graph.h"

namespace looplab::ui {

class Controller;

class ProcessesPanel final : public Panel {
public:
    ProcessesPanel() : Panel("Processes") {}

    // Whether the run has more than one process: the layout then gives this
    // panel the tile it would give the thread pool (each box summarises its
    // process's pool). From the isolate table, so it never changes with the step.
    static bool has_several_processes(const trace::Trace* trace);
    // The tile height for every box of the run: a title and a pool line per
    // process and a row per thread (from the isolate table).
    static float wanted_height(const Appearance& look, const trace::Trace* trace);
    // Where a click on a thread row goes (select_isolate); null: rows are not clickable.
    void set_controller(Controller* controller) { controller_ = controller; }

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    struct Box {
        ImVec2 min, max;
    };
    // Where a thread's row was drawn this frame: arrows start and end there.
    struct Row {
        uint32_t isolate = 0;
        size_t box = 0;
        float y = 0;
    };
    Box draw_process(const PanelContext& ctx, const ProcessNode& node, size_t index, ImVec2 at, float width,
                     bool many_threads);
    Box draw_compact(const PanelContext& ctx, const ProcessNode& node, size_t index, ImVec2 at, float width);
    float draw_thread(const PanelContext& ctx, const ThreadNode& t, size_t box, ImVec2 at, float width, bool clickable);
    void draw_link(const PanelContext& ctx, const std::vector<Box>& boxes, const Link& link, float bulge);
    void thread_row_input(const PanelContext& ctx, const ThreadNode& t, ImVec2 min, ImVec2 max);
    void draw_messages(const PanelContext& ctx, size_t box, float right);
    const Row* row_of(uint32_t isolate) const;

    Controller* controller_ = nullptr;
    int pinned_ = -1;       // the thread chosen by a click, -1: follow each step's thread
    std::vector<Row> rows_;  // every thread row drawn this frame
};

}  // namespace looplab::ui
