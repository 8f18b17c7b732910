// The GLFW window, the OpenGL 3.3 core context (loaded with glad) and the
// ImGui context with its GL3 renderer: everything both the interactive window
// and the offscreen screenshot need, torn down in reverse order.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace looplab::app {

struct GlWindowOptions {
    bool visible = true;  // false: a hidden window whose context renders offscreen
    int width = 0;  // 0: fit the primary monitor
    int height = 0;
    const char* title = "looplab";
};

class GlWindow {
public:
    // Nothing, with `error` set, if there is no display or no GL 3.3.
    static std::unique_ptr<GlWindow> create(const GlWindowOptions& options, std::string& error);
    ~GlWindow();
    GlWindow(const GlWindow&) = delete;
    GlWindow& operator=(const GlWindow&) = delete;

    GLFWwindow* handle() const { return window_; }
    // The monitor's DPI scale (1 on a classic 96 dpi screen, 2 on HiDPI).
    float content_scale() const;

private:
    explicit GlWindow(GLFWwindow* window, bool platform_backend)
        : window_(window), platform_backend_(platform_backend) {}

    GLFWwindow* window_ = nullptr;
    bool platform_backend_ = false;
};

}  // namespace looplab::app
