// Checks that a screenshot is a real rendering: the requested size, and not
// blank -- many distinct colours, no single colour covering almost everything,
// and enough "ink" (pixels unlike the background) to be text and panels.
//
//   looplab_png_check FILE WIDTH HEIGHT
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#include <stb_image.h>

namespace {

constexpr size_t kMinDistinctColours = 32;  // antialiased text alone gives hundreds
constexpr double kMaxDominantShare = 0.97;  // a blank or single-colour frame fails
constexpr double kMinInkShare = 0.01;

int fail(const char* what) {
    std::fprintf(stderr, "png_check: FAIL: %s\n", what);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: looplab_png_check FILE WIDTH HEIGHT\n");
        return 2;
    }
    const int want_w = std::atoi(argv[2]);
    const int want_h = std::atoi(argv[3]);
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 4);
    if (pixels == nullptr) return fail("cannot read the PNG");
    std::printf("png_check: %s is %dx%d\n", argv[1], w, h);
    if (w != want_w || h != want_h) {
        stbi_image_free(pixels);
        return fail("wrong size");
    }
    // Counting colours: the order never reaches the output, so a hash map is fine.
    std::unordered_map<uint32_t, size_t> histogram;
    const size_t n = size_t(w) * size_t(h);
    for (size_t i = 0; i < n; ++i) {
        const unsigned char* p = pixels + i * 4;
        ++histogram[uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]];
    }
    stbi_image_free(pixels);
    size_t dominant = 0;
    for (const auto& [colour, count] : histogram) dominant = std::max(dominant, count);
    // "Ink": everything but the two most common colours (window and panel background).
    size_t first = 0, second = 0;
    for (const auto& [colour, count] : histogram) {
        if (count > first) {
            second = first;
            first = count;
        } else if (count > second) {
            second = count;
        }
    }
    const double dominant_share = double(dominant) / double(n);
    const double ink_share = double(n - first - second) / double(n);
    std::printf("png_check: %zu distinct colours, dominant colour %.1f%%, ink %.1f%%\n", histogram.size(),
                dominant_share * 100, ink_share * 100);
    if (histogram.size() < kMinDistinctColours) return fail("too few colours: the frame looks blank");
    if (dominant_share > kMaxDominantShare) return fail("one colour covers almost the whole frame");
    if (ink_share < kMinInkShare) return fail("almost nothing drawn besides the background");
    std::printf("png_check: ok\n");
    return 0;
}
