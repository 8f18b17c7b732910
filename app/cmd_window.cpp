// `looplab [OPTIONS] [FILE]`: the interactive window on FILE, or on the
// default scenario (assets/scenarios/hello.js) when no FILE is given.
#include <cstdio>
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
#include "app/commands.h"
#include "app/engine_options.h"
#include "app/gl_window.h"
#include "app/script_path.h"
#include "app/ui_options.h"
#include "app/window_controller.h"
#include "ui/shell.h"

namespace looplab::app {
namespace {

struct WindowOptions {
    std::string file;
    EngineOptions engine;
    UiOptions ui;
    int frames = 0;  // testing: close after this many frames (0: run until closed)
};

// Files dropped on the window since the last frame; GLFW calls back from
// glfwPollEvents on the UI thread, so no lock is needed.
std::vector<std::string> g_dropped;

void on_drop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
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
    glfwSwapBuffers(window);
}

int run_window(const WindowOptions& options) {
    std::string file = options.file;
    if (file.empty()) {
        const auto fallback = default_scenario();
        if (!fallback) {
            std::fprintf(stderr, "looplab: cannot find the assets folder with the built-in scenarios\n");
            return 1;
        }
        file = fallback->string();
    }
    if (!resolve_script(file)) return report_missing_script(file);

    std::string error;
    auto window = GlWindow::create(GlWindowOptions{}, error);
    if (!window) {
        std::fprintf(stderr, "looplab: %s (without a display, use `looplab run FILE`)\n", error.c_str());
        return 1;
    }
    glfwSetDropCallback(window->handle(), on_drop);

    ui::Shell shell;
    options.ui.apply(shell.appearance());
    const std::vector<ui::Scenario> scenarios = builtin_scenarios();
    WindowController controller(options.engine, {});
    controller.open_file(file);

    for (int frame = 0; !glfwWindowShouldClose(window->handle()) && !controller.quit_requested(); ++frame) {
        if (options.frames > 0 && frame >= options.frames) break;
        // Redraw continuously while a program runs (its console grows); when
        // idle, sleep until input arrives so a classroom laptop stays cool.
        if (controller.running() || frame < 3 || options.frames > 0) {
            glfwPollEvents();
        } else {
            glfwWaitEventsTimeout(0.25);
        }
        if (!g_dropped.empty()) {
            controller.open_file(g_dropped.front());  // one program at a time: the first file wins
            g_dropped.clear();
        }
        shell.appearance().set_content_scale(options.ui.scale > 0 ? options.ui.scale : window->content_scale());
        controller.poll();

        shell.prepare_frame();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        shell.draw(ui::FrameInput{controller.view(), controller.running(), controller.notice(), scenarios},
                   controller);
        render(window->handle());
    }

    const bool abandoned = controller.has_unfinished_runs();
    window.reset();
    if (abandoned) {
        // The engine cannot be cancelled yet; a runaway program would keep
        // the process alive until its step limit. Leave without waiting.
        std::fflush(nullptr);
        std::_Exit(0);
    }
    return 0;
}

}  // namespace

Command add_window_command(CLI::App& app) {
    auto options = std::make_shared<WindowOptions>();
    app.add_option("FILE", options->file, "The program to open (default: the hello scenario)");
    add_engine_options(app, options->engine);
    add_ui_options(app, options->ui);
    app.add_option("--frames", options->frames, "Close the window after N frames (for smoke tests)")
        ->check(CLI::NonNegativeNumber)
        ->group("Testing");
    return Command{nullptr, [options] { return run_window(*options); }};
}

}  // namespace looplab::app
