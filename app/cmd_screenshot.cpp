// `looplab screenshot [OPTIONS] FILE -o OUT.png`: runs FILE, then renders the
// whole window at one step offscreen (a hidden GLFW window's context drawing
// into a framebuffer object) and writes it as a PNG. It draws through the same
// ui::Shell as the window, so the picture is what a teacher sees.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/assets.h"
#include "app/commands.h"
#include "app/console_capture.h"
#include "engine/node/process_run.h"
#include "engine/trace/fold.h"
#include "ui/controls.h"
#include "app/engine_options.h"
#include "app/gl_window.h"
#include "app/png.h"
#include "app/script_path.h"
#include "app/ui_options.h"
#include "ui/shell.h"

namespace looplab::app {
namespace {

constexpr int kMaxSide = 8192;
// ImGui lays some widgets out from the previous frame's sizes; a few frames
// let the layout settle before we read the pixels.
constexpr int kSettleFrames = 4;

struct ScreenshotOptions {
    std::string file;
    std::optional<uint64_t> step;  // nothing: the last step
    std::string size = "1600x1000";
    std::string output;
    EngineOptions engine;
    UiOptions ui;
    bool presentation = false;
    bool no_sidebar = false;
    bool check_fit = false;  // fail when a tile does not show its main content
};

struct Size {
    int width = 0;
    int height = 0;
};

std::optional<Size> parse_size(const std::string& text) {
    Size s;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &s.width, &s.height, &tail) != 2) return std::nullopt;
    if (s.width < 64 || s.height < 64 || s.width > kMaxSide || s.height > kMaxSide) return std::nullopt;
    return s;
}

// Keeps nothing: the console the picture shows is the trace's, folded to the step.
class DiscardSink final : public node::OutputSink {
public:
    void write(node::Stream, std::string_view) override {}
};

// A colour framebuffer the size of the picture; the hidden window's own
// framebuffer may be smaller than the screen or not exist at all.
class OffscreenTarget {
public:
    OffscreenTarget(int width, int height) {
        glGenFramebuffers(1, &fbo_);
        glGenRenderbuffers(1, &colour_);
        glBindRenderbuffer(GL_RENDERBUFFER, colour_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
        complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    ~OffscreenTarget() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteRenderbuffers(1, &colour_);
        glDeleteFramebuffers(1, &fbo_);
    }
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    bool complete() const { return complete_; }
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }

private:
    GLuint fbo_ = 0;
    GLuint colour_ = 0;
    bool complete_ = false;
};

void render_frame(ui::Shell& shell, const ui::FrameInput& in, const OffscreenTarget& target, Size size) {
    ImGui::GetIO().IniFilename = nullptr;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(size.width), float(size.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60.0f;
    ui::NullController controller;
    shell.prepare_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    shell.draw(in, controller);
    ImGui::Render();
    target.bind();
    glViewport(0, 0, size.width, size.height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// GL rows run bottom-up; PNG rows top-down. Alpha is forced opaque so the
// picture does not depend on how the blending left the alpha channel.
std::vector<uint8_t> read_pixels(Size size) {
    const size_t row = size_t(size.width) * 4;
    std::vector<uint8_t> gl(row * size_t(size.height));
    glFinish();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, size.width, size.height, GL_RGBA, GL_UNSIGNED_BYTE, gl.data());
    std::vector<uint8_t> png(gl.size());
    for (int y = 0; y < size.height; ++y) {
        const uint8_t* src = gl.data() + size_t(size.height - 1 - y) * row;
        std::copy(src, src + row, png.data() + size_t(y) * row);
    }
    for (size_t i = 3; i < png.size(); i += 4) png[i] = 255;
    return png;
}

// The layout check: the tiles the last frame drew that scroll to show their
// main content (or cut off the executing line), as the window would draw them.
int report_fit(const ui::Shell& shell, const std::string& size) {
    const std::vector<std::string> cramped = shell.tiles_that_do_not_fit();
    if (cramped.empty()) {
        std::printf("every tile shows its main content at %s\n", size.c_str());
        return 0;
    }
    std::string names;
    for (const std::string& name : cramped) names += (names.empty() ? "" : ", ") + name;
    std::fprintf(stderr, "looplab: screenshot: at %s these tiles do not show their main content: %s\n", size.c_str(),
                 names.c_str());
    return 1;
}

int run_screenshot(const ScreenshotOptions& options) {
    const auto size = parse_size(options.size);
    if (!size) {
        std::fprintf(stderr, "looplab: screenshot: --size must be WxH between 64 and %d, got '%s'\n", kMaxSide,
                     options.size.c_str());
        return kExitBadUsage;
    }
    const auto script = resolve_script(options.file);
    if (!script) return report_missing_script(options.file);

    // The same recording the window makes, folded to the step (default:
    // the last one, the end of the run).
    DiscardSink sink;
    trace::Trace recorded;
    node::run_program_recorded(options.engine.to_run_config(options.file, {}), sink, recorded);
    ui::Playback playback;
    playback.update(recorded);
    playback.seek(options.step ? size_t(std::min<uint64_t>(*options.step, recorded.size())) : recorded.size());
    trace::ViewState view = trace::fold_to(recorded, playback.cursor());
    if (view.source.empty()) {
        view.file_path = *script;
        view.source = read_source(*script);
    }

    std::string error;
    auto window = GlWindow::create(GlWindowOptions{false, 64, 64, "looplab screenshot"}, error);
    if (!window) {
        std::fprintf(stderr, "looplab: screenshot: %s (run it under `xvfb-run -a` on a machine without a display)\n",
                     error.c_str());
        return 1;
    }
    OffscreenTarget target(size->width, size->height);
    if (!target.complete()) {
        std::fprintf(stderr, "looplab: screenshot: cannot create a %dx%d framebuffer\n", size->width, size->height);
        return 1;
    }
    ui::Shell shell;
    UiOptions ui = options.ui;
    if (ui.scale <= 0) ui.scale = 1.0f;  // a picture's size is exact: no monitor scaling
    ui.apply(shell.appearance());
    shell.set_base_font_px(ui.font_px);
    shell.set_presentation(options.presentation);
    shell.set_sidebar(!options.no_sidebar);
    shell.set_animations(false);  // one still frame: nothing may be mid-flight
    const std::vector<ui::Scenario> scenarios = builtin_scenarios();
    const ui::FrameInput in{view, false, {}, scenarios, &recorded, &playback, 0.0};
    for (int i = 0; i < kSettleFrames; ++i) render_frame(shell, in, target, *size);

    if (!write_png(options.output, size->width, size->height, read_pixels(*size))) {
        std::fprintf(stderr, "looplab: screenshot: cannot write %s\n", options.output.c_str());
        return 1;
    }
    return options.check_fit ? report_fit(shell, options.size) : 0;
}

}  // namespace

Command add_screenshot_command(CLI::App& app) {
    auto options = std::make_shared<ScreenshotOptions>();
    CLI::App* cmd = app.add_subcommand("screenshot", "Render the window at one step of FILE to a PNG, offscreen");
    cmd->add_option("FILE", options->file, "The program to run")->required();
    cmd->add_option("--step", options->step, "The step to show (default: the last one)");
    cmd->add_option("--size", options->size, "Picture size in pixels, WxH (default 1600x1000)");
    cmd->add_option("-o,--output", options->output, "The PNG file to write")->required();
    add_engine_options(*cmd, options->engine);
    add_ui_options(*cmd, options->ui);
    cmd->add_flag("--presentation", options->presentation, "Presentation mode (big type), as F11 in the window")
        ->group("Appearance");
    cmd->add_flag("--no-sidebar", options->no_sidebar, "Leave out the scenario library")->group("Appearance");
    cmd->add_flag("--check-fit", options->check_fit,
                  "Fail (exit 1) if a tile must scroll to show its main content, naming the tiles");
    return Command{cmd, [options] { return run_screenshot(*options); }};
}

}  // namespace looplab::app
