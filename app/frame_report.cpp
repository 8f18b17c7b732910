#include "app/frame_report.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

namespace looplab::app {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

namespace {

struct Stats {
    double mean = 0, p50 = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    for (double x : v) s.mean += x;
    s.mean /= double(v.size());
    s.p50 = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
    s.max = v.back();
    return s;
}

}  // namespace

std::string FrameReport::summary() const {
    // Phases in the order they first appear.
    std::vector<std::string> phases;
    for (const FrameSample& s : samples_) {
        if (std::find(phases.begin(), phases.end(), s.phase) == phases.end()) phases.push_back(s.phase);
    }
    std::ostringstream out;
    char line[256];
    for (const std::string& phase : phases) {
        std::vector<double> frames, seeks;
        for (const FrameSample& s : samples_) {
            if (s.phase != phase) continue;
            frames.push_back(s.frame_ms);
            if (s.seek_ms > 0) seeks.push_back(s.seek_ms);
        }
        const Stats f = stats(frames);
        std::snprintf(line, sizeof line, "%-11s frames %4zu  ui cpu ms/frame: mean %.2f  p50 %.2f  p95 %.2f  max %.2f",
                      phase.c_str(), frames.size(), f.mean, f.p50, f.p95, f.max);
        out << line;
        if (!seeks.empty()) {
            const Stats k = stats(seeks);
            std::snprintf(line, sizeof line, "  |  seek ms: mean %.2f  p95 %.2f  max %.2f", k.mean, k.p95, k.max);
            out << line;
        }
        out << "\n";
    }
    return out.str();
}

bool FrameReport::write(const std::string& path, const std::string& header) const {
    std::ofstream out(path, std::ios::trunc);
    if (!out) return false;
    out << "# " << header << "\n# summary\n";
    std::istringstream sum(summary());
    for (std::string l; std::getline(sum, l);) out << "# " << l << "\n";
    out << "frame\tphase\tui_cpu_ms\tseek_ms\n";
    char line[128];
    for (size_t i = 0; i < samples_.size(); ++i) {
        std::snprintf(line, sizeof line, "%zu\t%s\t%.3f\t%.3f\n", i, samples_[i].phase.c_str(), samples_[i].frame_ms,
                      samples_[i].seek_ms);
        out << line;
    }
    return bool(out);
}

}  // namespace looplab::app
