// PNG files for screenshots, via stb_image_write.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace looplab::app {

// Writes 8-bit RGBA pixels, top row first. False if the file cannot be written.
bool write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

}  // namespace looplab::app
