// An append-only vector that grows in fixed chunks: no element is ever
// copied to grow, and at most one chunk is allocated but unused, so the
// trace's side tables cost what they hold (docs/perf.md, "Trace memory").
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace looplab::trace {

template <typename T, size_t kChunkBits = 12>
class ChunkedVector {
public:
    static constexpr size_t kChunkSize = size_t(1) << kChunkBits;

    void push_back(const T& value) {
        if ((size_ & (kChunkSize - 1)) == 0 && size_ >> kChunkBits == chunks_.size()) {
            chunks_.push_back(std::make_unique<T[]>(kChunkSize));
        }
        chunks_[size_ >> kChunkBits][size_ & (kChunkSize - 1)] = value;
        size_++;
    }
    const T& operator[](size_t i) const { return chunks_[i >> kChunkBits][i & (kChunkSize - 1)]; }
    const T& back() const { return (*this)[size_ - 1]; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // Bytes allocated: the chunks and the table of chunk pointers.
    size_t memory_bytes() const {
        return chunks_.size() * kChunkSize * sizeof(T) + chunks_.capacity() * sizeof(std::unique_ptr<T[]>);
    }

    // The first index whose element is not less than `key` (elements are
    // appended in ascending order of key_of).
    template <typename Key, typename KeyOf>
    size_t lower_bound(const Key& key, KeyOf key_of) const {
        size_t lo = 0, hi = size_;
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            if (key_of((*this)[mid]) < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    size_t size_ = 0;
};

}  // namespace looplab::trace
