// V8's TimSort (third_party/v8/builtins/array-sort.tq), reproduced step for
// step so that the sequence of comparator calls, and therefore the result
// of an inconsistent comparator such as `(a, b) => a > b`, matches node.
//
// compare(a, b) returns <0, 0 or >0 (callers map NaN to 0). It may throw;
// the vector is then left in an unspecified order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace looplab::js {

namespace timsort_detail {


inline constexpr int64_t kMinGallopWins = 7;

struct TimSortRun {
    int64_t base;
    int64_t length;
};

// Copies [src, src + n) to dst; overlapping ranges are handled as memmove does.
template <typename T>
inline void copy_range(const std::vector<T>& from, int64_t src, std::vector<T>& to, int64_t dst, int64_t n) {
    if (&from == &to && src < dst) {
        for (int64_t i = n - 1; i >= 0; --i) to[dst + i] = from[src + i];
    } else {
        for (int64_t i = 0; i < n; ++i) to[dst + i] = from[src + i];
    }
}

template <typename T, typename Compare>
class TimSort {
public:
    TimSort(std::vector<T>& work, const Compare& compare) : work_(work), compare_(compare) {}

    void run() {
        int64_t remaining = static_cast<int64_t>(work_.size());
        if (remaining < 2) return;
        int64_t low = 0;
        const int64_t min_run = min_run_length(remaining);
        while (remaining != 0) {
            int64_t run_length = count_and_make_run(low, low + remaining);
            if (run_length < min_run) {
                const int64_t forced = std::min(min_run, remaining);
                binary_insertion_sort(low, low + run_length, low + forced);
                run_length = forced;
            }
            runs_.push_back({low, run_length});
            merge_collapse();
            low += run_length;
            remaining -= run_length;
        }
        merge_force_collapse();
    }

private:
    double cmp(const T& a, const T& b) { return compare_(a, b); }

    static int64_t min_run_length(int64_t n) {
        int64_t r = 0;
        while (n >= 64) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    void binary_insertion_sort(int64_t low, int64_t start, int64_t high) {
        if (low == start) ++start;
        for (; start < high; ++start) {
            int64_t left = low, right = start;
            const T pivot = work_[start];
            while (left < right) {
                const int64_t mid = left + ((right - left) >> 1);
                if (cmp(pivot, work_[mid]) < 0) {
                    right = mid;
                } else {
                    left = mid + 1;
                }
            }
            for (int64_t p = start; p > left; --p) work_[p] = work_[p - 1];
            work_[left] = pivot;
        }
    }

    int64_t count_and_make_run(int64_t low_arg, int64_t high) {
        const int64_t low = low_arg + 1;
        if (low == high) return 1;
        int64_t run_length = 2;
        const T element_low = work_[low];
        const bool descending = cmp(element_low, work_[low - 1]) < 0;
        T previous = element_low;
        for (int64_t i = low + 1; i < high; ++i) {
            const T current = work_[i];
            const double order = cmp(current, previous);
            if (descending ? order >= 0 : order < 0) break;
            previous = current;
            ++run_length;
        }
        if (descending) std::reverse(work_.begin() + low_arg, work_.begin() + low_arg + run_length);
        return run_length;
    }

    static bool invariant_holds(const std::vector<TimSortRun>& runs, int64_t n) {
        if (n < 2) return true;
        return runs[n - 2].length > runs[n - 1].length + runs[n].length;
    }

    void merge_collapse() {
        while (runs_.size() > 1) {
            int64_t n = static_cast<int64_t>(runs_.size()) - 2;
            if (!invariant_holds(runs_, n + 1) || !invariant_holds(runs_, n)) {
                if (runs_[n - 1].length < runs_[n + 1].length) --n;
                merge_at(n);
            } else if (runs_[n].length <= runs_[n + 1].length) {
                merge_at(n);
            } else {
                break;
            }
        }
    }

    void merge_force_collapse() {
        while (runs_.size() > 1) {
            int64_t n = static_cast<int64_t>(runs_.size()) - 2;
            if (n > 0 && runs_[n - 1].length < runs_[n + 1].length) --n;
            merge_at(n);
        }
    }

    void merge_at(int64_t i) {
        int64_t base_a = runs_[i].base, length_a = runs_[i].length;
        int64_t base_b = runs_[i + 1].base, length_b = runs_[i + 1].length;
        runs_[i].length = length_a + length_b;
        runs_.erase(runs_.begin() + i + 1);

        const int64_t k = gallop_right(work_, work_[base_b], base_a, length_a, 0);
        base_a += k;
        length_a -= k;
        if (length_a == 0) return;
        length_b = gallop_left(work_, work_[base_a + length_a - 1], base_b, length_b, length_b - 1);
        if (length_b == 0) return;
        if (length_a <= length_b) {
            merge_low(base_a, length_a, base_b, length_b);
        } else {
            merge_high(base_a, length_a, base_b, length_b);
        }
    }

    // Where key belongs in the sorted run, leftmost among equals.
    int64_t gallop_left(const std::vector<T>& array, const T& key, int64_t base, int64_t length, int64_t hint) {
        int64_t last_ofs = 0, offset = 1;
        if (cmp(array[base + hint], key) < 0) {
            const int64_t max_ofs = length - hint;
            while (offset < max_ofs) {
                if (cmp(array[base + hint + offset], key) >= 0) break;
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = std::min(offset, max_ofs);
            last_ofs += hint;
            offset += hint;
        } else {
            const int64_t max_ofs = hint + 1;
            while (offset < max_ofs) {
                if (cmp(array[base + hint - offset], key) < 0) break;
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = std::min(offset, max_ofs);
            const int64_t tmp = last_ofs;
            last_ofs = hint - offset;
            offset = hint - tmp;
        }
        ++last_ofs;
        while (last_ofs < offset) {
            const int64_t m = last_ofs + ((offset - last_ofs) >> 1);
            if (cmp(array[base + m], key) < 0) {
                last_ofs = m + 1;
            } else {
                offset = m;
            }
        }
        return offset;
    }

    // Where key belongs in the sorted run, rightmost among equals.
    int64_t gallop_right(const std::vector<T>& array, const T& key, int64_t base, int64_t length, int64_t hint) {
        int64_t last_ofs = 0, offset = 1;
        if (cmp(key, array[base + hint]) < 0) {
            const int64_t max_ofs = hint + 1;
            while (offset < max_ofs) {
                if (cmp(key, array[base + hint - offset]) >= 0) break;
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = std::min(offset, max_ofs);
            const int64_t tmp = last_ofs;
            last_ofs = hint - offset;
            offset = hint - tmp;
        } else {
            const int64_t max_ofs = length - hint;
            while (offset < max_ofs) {
                if (cmp(key, array[base + hint + offset]) < 0) break;
                last_ofs = offset;
                offset = (offset << 1) + 1;
            }
            offset = std::min(offset, max_ofs);
            last_ofs += hint;
            offset += hint;
        }
        ++last_ofs;
        while (last_ofs < offset) {
            const int64_t m = last_ofs + ((offset - last_ofs) >> 1);
            if (cmp(key, array[base + m]) < 0) {
                offset = m;
            } else {
                last_ofs = m + 1;
            }
        }
        return offset;
    }

    void merge_low(int64_t base_a, int64_t length_a, int64_t base_b, int64_t length_b) {
        std::vector<T> temp(work_.begin() + base_a, work_.begin() + base_a + length_a);
        int64_t dest = base_a, cursor_temp = 0, cursor_b = base_b;
        work_[dest++] = work_[cursor_b++];
        enum class Exit { Succeed, CopyB } exit = Exit::Succeed;
        [&] {
            if (--length_b == 0) return;
            if (length_a == 1) { exit = Exit::CopyB; return; }
            for (;;) {
                int64_t wins_a = 0, wins_b = 0;
                for (;;) {
                    if (cmp(work_[cursor_b], temp[cursor_temp]) < 0) {
                        work_[dest++] = work_[cursor_b++];
                        ++wins_b; --length_b; wins_a = 0;
                        if (length_b == 0) return;
                        if (wins_b >= min_gallop_) break;
                    } else {
                        work_[dest++] = temp[cursor_temp++];
                        ++wins_a; --length_a; wins_b = 0;
                        if (length_a == 1) { exit = Exit::CopyB; return; }
                        if (wins_a >= min_gallop_) break;
                    }
                }
                ++min_gallop_;
                bool first = true;
                while (wins_a >= kMinGallopWins || wins_b >= kMinGallopWins || first) {
                    first = false;
                    min_gallop_ = std::max<int64_t>(1, min_gallop_ - 1);
                    wins_a = gallop_right(temp, work_[cursor_b], cursor_temp, length_a, 0);
                    if (wins_a > 0) {
                        copy_range(temp, cursor_temp, work_, dest, wins_a);
                        dest += wins_a; cursor_temp += wins_a; length_a -= wins_a;
                        if (length_a == 1) { exit = Exit::CopyB; return; }
                        if (length_a == 0) return;  // only with an inconsistent comparator
                    }
                    work_[dest++] = work_[cursor_b++];
                    if (--length_b == 0) return;
                    wins_b = gallop_left(work_, temp[cursor_temp], cursor_b, length_b, 0);
                    if (wins_b > 0) {
                        copy_range(work_, cursor_b, work_, dest, wins_b);
                        dest += wins_b; cursor_b += wins_b; length_b -= wins_b;
                        if (length_b == 0) return;
                    }
                    work_[dest++] = temp[cursor_temp++];
                    if (--length_a == 1) { exit = Exit::CopyB; return; }
                }
                ++min_gallop_;
            }
        }();
        if (exit == Exit::Succeed) {
            if (length_a > 0) copy_range(temp, cursor_temp, work_, dest, length_a);
        } else {
            // The last element of run A belongs at the end of the merge.
            copy_range(work_, cursor_b, work_, dest, length_b);
            work_[dest + length_b] = temp[cursor_temp];
        }
    }

    void merge_high(int64_t base_a, int64_t length_a, int64_t base_b, int64_t length_b) {
        std::vector<T> temp(work_.begin() + base_b, work_.begin() + base_b + length_b);
        int64_t dest = base_b + length_b - 1, cursor_temp = length_b - 1, cursor_a = base_a + length_a - 1;
        work_[dest--] = work_[cursor_a--];
        enum class Exit { Succeed, CopyA } exit = Exit::Succeed;
        [&] {
            if (--length_a == 0) return;
            if (length_b == 1) { exit = Exit::CopyA; return; }
            for (;;) {
                int64_t wins_a = 0, wins_b = 0;
                for (;;) {
                    if (cmp(temp[cursor_temp], work_[cursor_a]) < 0) {
                        work_[dest--] = work_[cursor_a--];
                        ++wins_a; --length_a; wins_b = 0;
                        if (length_a == 0) return;
                        if (wins_a >= min_gallop_) break;
                    } else {
                        work_[dest--] = temp[cursor_temp--];
                        ++wins_b; --length_b; wins_a = 0;
                        if (length_b == 1) { exit = Exit::CopyA; return; }
                        if (wins_b >= min_gallop_) break;
                    }
                }
                ++min_gallop_;
                bool first = true;
                while (wins_a >= kMinGallopWins || wins_b >= kMinGallopWins || first) {
                    first = false;
                    min_gallop_ = std::max<int64_t>(1, min_gallop_ - 1);
                    int64_t k = gallop_right(work_, temp[cursor_temp], base_a, length_a, length_a - 1);
                    wins_a = length_a - k;
                    if (wins_a > 0) {
                        dest -= wins_a; cursor_a -= wins_a;
                        copy_range(work_, cursor_a + 1, work_, dest + 1, wins_a);
                        length_a -= wins_a;
                        if (length_a == 0) return;
                    }
                    work_[dest--] = temp[cursor_temp--];
                    if (--length_b == 1) { exit = Exit::CopyA; return; }
                    k = gallop_left(temp, work_[cursor_a], 0, length_b, length_b - 1);
                    wins_b = length_b - k;
                    if (wins_b > 0) {
                        dest -= wins_b; cursor_temp -= wins_b;
                        copy_range(temp, cursor_temp + 1, work_, dest + 1, wins_b);
                        length_b -= wins_b;
                        if (length_b == 1) { exit = Exit::CopyA; return; }
                        if (length_b == 0) return;  // only with an inconsistent comparator
                    }
                    work_[dest--] = work_[cursor_a--];
                    if (--length_a == 0) return;
                }
                ++min_gallop_;
            }
        }();
        if (exit == Exit::Succeed) {
            if (length_b > 0) copy_range(temp, 0, work_, dest - (length_b - 1), length_b);
        } else {
            // The first element of run B belongs at the front of the merge.
            dest -= length_a; cursor_a -= length_a;
            copy_range(work_, cursor_a + 1, work_, dest + 1, length_a);
            work_[dest] = temp[cursor_temp];
        }
    }

    std::vector<T>& work_;
    const Compare& compare_;
    std::vector<TimSortRun> runs_;
    int64_t min_gallop_ = kMinGallopWins;
};

}  // namespace timsort_detail

template <typename T, typename Compare>
void timsort(std::vector<T>& work, const Compare& compare) {
    timsort_detail::TimSort<T, Compare>(work, compare).run();
}

}  // namespace looplab::js
