// `looplab --frames N --report FILE`: per-frame UI CPU time, for docs/perf.md.
// The window measures the UI thread's CPU time (not wall time: the engine
// thread and the X server do not count) from the start of a frame to the
// hand-over of its draw data to OpenGL, before the buffer swap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace looplab::app {

// CPU seconds used by the calling thread so far.
double thread_cpu_seconds();

struct FrameSample {
    std::string phase;  // "zoomed-out", "zoomed-in", "scrub"
    double frame_ms = 0;
    double seek_ms = 0;  // the re-fold of the view in this frame, 0 if none
};

class FrameReport {
public:
    void add(FrameSample sample) { samples_.push_back(std::move(sample)); }
    // Writes one line per frame and a summary per phase; false on I/O error.
    bool write(const std::string& path, const std::string& header) const;
    // The summary alone, for stdout.
    std::string summary() const;

private:
    std::vector<FrameSample> samples_;
};

}  // namespace looplab::app
