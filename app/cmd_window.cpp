// `looplab [OPTIONS] [FILE]`: the interactive window on FILE, or on the
// default scenario (assets/scenarios/hello.js) when no FILE is given.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/assets.h"
#include "app/frame_report.h"
#include "app/commands.h"
#include "app/engine_options.h"
#include "app/gl_window.h"
#include "app/script_path.h"
#include "app/ui_options.h"
#include "app/window_controller.h"
#include "ui/keys.h"
#include "ui/settings.h"
#include "ui/shell.h"

namespace looplab::app {
namespace {

struct WindowOptions {
    std::string file;
    EngineOptions engine;
    UiOptions ui;
    int frames = 0;            // testing: close after this many frames (0: run until closed)
    std::string report;        // testing: write per-frame UI CPU times here
    std::string press;         // testing: key presses, one per frame, through the window's key path
    std::string window_size;   // testing: WxH instead of fitting the monitor
    bool no_settings = false;  // neither read nor write the settings file
};

// Files dropped on the window since the last frame; GLFW calls back from
// glfwPollEvents on the UI thread, so no lock is needed.
std::vector<std::string> g_dropped;

void on_drop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
}

std::vector<ui::KeyPress> parse_presses(const std::string& text, bool& ok) {
    std::vector<ui::KeyPress> keys;
    std::istringstream in(text);
    ok = true;
    for (std::string word; in >> word;) {
        if (auto k = ui::parse_key(word)) {
            keys.push_back(*k);
        } else {
            std::fprintf(stderr, "looplab: --press: unknown key '%s'\n", word.c_str());
            ok = false;
        }
    }
    return keys;
}

// The benchmark's script for frame `i` of `n` (--report): a third zoomed
// out over the whole trace, a third zoomed in to 1/2000 of it sweeping
// across, a third scrubbing to scattered steps.
const char* exercise(int i, int n, WindowController& controller, ui::Shell& shell) {
    const trace::Trace* trace = controller.trace();
    const uint64_t end = trace != nullptr ? trace->end_time_ns() : 0;
    if (i < n / 3) {
        if (i == 0) shell.timeline().fit();
        return "zoomed-out";
    }
    if (i < 2 * n / 3) {
        const uint64_t span = std::max<uint64_t>(end / 2000, 1000);
        const uint64_t t0 = (end - std::min(end, span)) * uint64_t(i - n / 3) / uint64_t(std::max(1, n / 3));
        shell.timeline().zoom_to(t0, t0 + span);
        return "zoomed-in";
    }
    if (i == 2 * n / 3) shell.timeline().fit();
    const size_t size = controller.playback().size();
    if (size > 0) controller.seek((size_t(i) * 7919u * 104729u) % size);
    return "scrub";
}

void render(GLFWwindow* window) {
    ImGui::Render();
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// With --frames (the tests): how the run stood when the window closed, so a
// script can tell a run that ended (and why) from one still going.
void report_run(const WindowController& controller) {
    const trace::Trace* trace = controller.trace();
    const size_t events = trace != nullptr ? trace->size() : 0;
    if (controller.running()) {
        std::printf("run: still simulating (%llu instructions so far)\n",
                    static_cast<unsigned long long>(controller.run_steps()));
    } else if (!controller.view().uncaught.empty()) {
        std::printf("run: ended early, %zu events: %s\n", events, controller.view().uncaught.c_str());
    } else {
        std::printf("run: finished, %zu events\n", events);
    }
}

int run_window(const WindowOptions& options) {
    ui::Settings settings = options.no_settings ? ui::Settings{} : ui::load_settings();
    std::string file = options.file;
    if (file.empty() && !settings.last_file.empty() && resolve_script(settings.last_file)) file = settings.last_file;
    if (file.empty()) {
        const auto fallback = default_scenario();
        if (!fallback) {
            std::fprintf(stderr, "looplab: cannot find the assets folder with the built-in scenarios\n");
            return 1;
        }
        file = fallback->string();
    }
    if (!resolve_script(file)) return report_missing_script(file);
    bool keys_ok = true;
    std::vector<ui::KeyPress> presses = parse_presses(options.press, keys_ok);
    if (!keys_ok) return kExitBadUsage;

    GlWindowOptions window_options;
    if (!options.window_size.empty() &&
        std::sscanf(options.window_size.c_str(), "%dx%d", &window_options.width, &window_options.height) != 2) {
        std::fprintf(stderr, "looplab: --window-size must be WxH\n");
        return kExitBadUsage;
    }
    std::string error;
    auto window = GlWindow::create(window_options, error);
    if (!window) {
        std::fprintf(stderr, "looplab: %s (without a display, use `looplab run FILE`)\n", error.c_str());
        return 1;
    }
    glfwSetDropCallback(window->handle(), on_drop);

    ui::Shell shell;
    shell.set_base_font_px(options.ui.font_px);
    shell.apply_settings(settings);
    options.ui.apply(shell.appearance());  // flags given on the command line win over the remembered ones
    const std::vector<ui::Scenario> scenarios = builtin_scenarios();
    WindowController controller(options.engine, {});
    controller.set_speed_index(settings.speed_index);
    controller.open_file(file);

    const bool measuring = !options.report.empty();
    FrameReport report;
    ui::Settings saved = shell.settings();
    const auto t_start = std::chrono::steady_clock::now();
    auto t_last = t_start;
    size_t next_press = 0;
    for (int frame = 0, counted = 0; !glfwWindowShouldClose(window->handle()) && !controller.quit_requested(); ++frame) {
        if (options.frames > 0 && counted >= options.frames) break;
        // Redraw continuously while a program runs, plays or animates; when
        // idle, sleep until input arrives so a classroom laptop stays cool.
        const bool busy = controller.running() || controller.playback().playing() || shell.animating();
        if (busy || frame < 3 || options.frames > 0) {
            glfwPollEvents();
        } else {
            glfwWaitEventsTimeout(0.25);
        }
        if (!g_dropped.empty()) {
            controller.open_file(g_dropped.front());  // one program at a time: the first file wins
            g_dropped.clear();
        }
        const auto t_now = std::chrono::steady_clock::now();
        const double dt = std::chrono::duration<double>(t_now - t_last).count();
        t_last = t_now;
        // A benchmark measures the finished trace: frames while the engine
        // still records do not count (but still render, so the UI stays live).
        const bool counting = !measuring || !controller.running();
        const char* phase = "frame";
        const double cpu0 = thread_cpu_seconds();
        if (measuring && counting) phase = exercise(counted, options.frames, controller, shell);
        shell.appearance().set_content_scale(options.ui.scale > 0 ? options.ui.scale : window->content_scale());
        controller.poll(dt);
        const double seek_ms = controller.last_seek_ms();
        controller.clear_last_seek();

        shell.prepare_frame();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const ui::FrameInput in{controller.view(), controller.running(), controller.notice(), scenarios,
                                controller.trace(), &controller.playback(),
                                std::chrono::duration<double>(t_now - t_start).count(), controller.run_steps(),
                                controller.run_seconds(), controller.stopping()};
        // Scripted presses (--press) take the same path as the keyboard's.
        // They wait for the run to finish, except Esc (Stop), which is for a
        // run that never does.
        const bool stop_key = next_press < presses.size() && presses[next_press].key == GLFW_KEY_ESCAPE;
        if (frame >= 3 && next_press < presses.size() && (!controller.running() || stop_key)) {
            shell.apply(ui::handle_key(presses[next_press++], controller), in);
        }
        shell.draw(in, controller);
        render(window->handle());
        const double cpu_ms = (thread_cpu_seconds() - cpu0) * 1e3;
        glfwSwapBuffers(window->handle());
        if (counting) {
            if (measuring) report.add(FrameSample{phase, cpu_ms, seek_ms});
            ++counted;
        }
        if (!options.no_settings && frame % 60 == 0 && !(shell.settings() == saved)) {
            saved = shell.settings();
            ui::save_settings(saved);
        }
    }
    if (!options.no_settings && !(shell.settings() == saved)) ui::save_settings(shell.settings());

    if (measuring) {
        const trace::Trace* trace = controller.trace();
        char header[512];
        std::snprintf(header, sizeof header, "looplab --frames %d --report: %s, %zu events, %.3f virtual ms",
                      options.frames, controller.path().c_str(), trace != nullptr ? trace->size() : size_t(0),
                      trace != nullptr ? double(trace->end_time_ns()) / 1e6 : 0.0);
        std::printf("%s\n%s", header, report.summary().c_str());
        if (!report.write(options.report, header)) {
            std::fprintf(stderr, "looplab: cannot write %s\n", options.report.c_str());
            return 1;
        }
    }

    if (options.frames > 0) report_run(controller);
    const bool abandoned = controller.has_unfinished_runs();
    window.reset();
    if (abandoned) {
        // A run still inside a long native call (a pool job, a world
        // barrier) stops at its next safe point; leave without waiting.
        controller.stop();
        std::fflush(nullptr);
        std::_Exit(0);
    }
    return 0;
}

}  // namespace

Command add_window_command(CLI::App& app) {
    auto options = std::make_shared<WindowOptions>();
    app.add_option("FILE", options->file, "The program to open (default: the last one, or the hello scenario)");
    add_engine_options(app, options->engine);
    add_ui_options(app, options->ui);
    const char* testing = "Testing";
    app.add_option("--frames", options->frames, "Close the window after N frames (for smoke tests)")
        ->check(CLI::NonNegativeNumber)
        ->group(testing);
    app.add_option("--report", options->report,
                   "With --frames: wait for the run, then time N frames (zoomed out, zoomed in, scrubbing) and "
                   "write the UI's CPU time per frame to FILE")
        ->group(testing);
    app.add_option("--press", options->press,
                   "Key presses to send, one per frame, e.g. \"Right Shift+Right Ctrl+Left End\"")
        ->group(testing);
    app.add_option("--window-size", options->window_size, "Window size WxH (default: fit the monitor)")->group(testing);
    app.add_flag("--no-settings", options->no_settings, "Neither read nor write the remembered settings")->group(testing);
    return Command{nullptr, [options] { return run_window(*options); }};
}

}  // namespace looplab::app
