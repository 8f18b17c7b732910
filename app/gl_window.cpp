#include "app/gl_window.h"

#include <algorithm>
#include <cstdio>

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace looplab::app {
namespace {

std::string g_last_glfw_error;  // set by the callback, read right after a failing call

void on_glfw_error(int code, const char* description) {
    g_last_glfw_error = std::string(description) + " (GLFW error " + std::to_string(code) + ")";
}

// Most of the primary monitor's work area: a projector at 1024x768 gets a
// window that fits, a 4K screen does not get a wall of empty space.
void fit_to_monitor(int& width, int& height) {
    width = 1400;
    height = 900;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (monitor == nullptr) return;
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
    if (w <= 0 || h <= 0) return;
    width = std::clamp(int(w * 0.85), std::min(w, 640), 2400);
    height = std::clamp(int(h * 0.85), std::min(h, 480), 1600);
}

}  // namespace

std::unique_ptr<GlWindow> GlWindow::create(const GlWindowOptions& options, std::string& error) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error = "cannot open a display: " + g_last_glfw_error;
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    int width = options.width;
    int height = options.height;
    if (width <= 0 || height <= 0) fit_to_monitor(width, height);
    GLFWwindow* window = glfwCreateWindow(width, height, options.title, nullptr, nullptr);
    if (window == nullptr) {
        error = "cannot create an OpenGL 3.3 window: " + g_last_glfw_error;
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    if (gladLoadGL(glfwGetProcAddress) == 0) {
        error = "cannot load OpenGL 3.3 functions";
        glfwDestroyWindow(window);
        glfwTerminate();
        return nullptr;
    }
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; leave no imgui.ini behind
    // Only a visible window takes input through the GLFW backend; offscreen
    // renderings set the display size themselves.
    if (options.visible) ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    return std::unique_ptr<GlWindow>(new GlWindow(window, options.visible));
}

GlWindow::~GlWindow() {
    ImGui_ImplOpenGL3_Shutdown();
    if (platform_backend_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

float GlWindow::content_scale() const {
    float x = 1.0f;
    float y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.0f ? x : 1.0f;
}

}  // namespace looplab::app
