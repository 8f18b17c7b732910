// Processes and their threads as a graph: one box per process with a row
// per JavaScript thread and its state in words (running, idle in poll,
// blocked), the thread pool summarised, and arrows for messages between
// them. The graph is built from the fold's per-isolate summaries
// (ViewState::isolates) by process_graph(); today every isolate is a thread
// of the first process, so child processes, cluster workers and IPC arrows
// only need more nodes and links there.
#pragma once

#include <string>
#include <vector>

#include "ui/panel.h"

namespace looplab::ui {

enum class ThreadState : uint8_t { NotStarted, Running, Blocked, IdleInPoll, InLoop, Exited };
const char* thread_state_name(ThreadState state);

struct ThreadNode {
    std::string name;    // "main thread", "worker 1"
    ThreadState state = ThreadState::NotStarted;
    std::string detail;  // "in tick (line 4)", "waiting for I/O or a timer"
    uint32_t isolate = 0;
    bool shown = false;  // the stack and queues panels show this thread now
};

struct ProcessNode {
    std::string title;  // "process 1 \u2014 main.js"
    std::vector<ThreadNode> threads;
    uint32_t pool_size = 0, pool_busy = 0;
};

// A message between two processes (process.send): drawn as an arrow from
// one box to another. Messages between threads of one process are arcs
// inside its box (ViewState::messages).
struct Link {
    size_t from_process = 0, to_process = 0;
    std::string label;
};

struct ProcessGraph {
    std::vector<ProcessNode> processes;
    std::vector<Link> links;
};

ProcessGraph process_graph(const trace::ViewState& view);

class Controller;

class ProcessesPanel final : public Panel {
public:
    ProcessesPanel() : Panel("Processes") {}
    // Where a click on a thread row goes (select_isolate); null: rows are not clickable.
    void set_controller(Controller* controller) { controller_ = controller; }

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    struct Box {
        ImVec2 min, max;
    };
    Box draw_process(const PanelContext& ctx, const ProcessNode& node, ImVec2 at, float width);
    void draw_link(const PanelContext& ctx, const Box& from, const Box& to, const std::string& label);
    void thread_row_input(const PanelContext& ctx, const ThreadNode& t, ImVec2 min, ImVec2 max);
    void draw_messages(const PanelContext& ctx, float right);

    Controller* controller_ = nullptr;
    int pinned_ = -1;  // the thread chosen by a click, -1: follow each step's thread
    std::vector<std::pair<uint16_t, float>> row_y_;  // (isolate, screen y) of the box being drawn
};

}  // namespace looplab::ui
