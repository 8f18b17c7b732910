// Sequences stored as shared copy-on-write chunks, for the parts of the
// ViewState that can grow large (a timers heap of 100,000 entries, a million
// console lines). Copying one copies a pointer per chunk, so a Seeker
// checkpoint costs microseconds to copy and shares its memory with its
// neighbours; a chunk is cloned only when one of the copies sharing it
// changes it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace looplab::trace {

// An ordered sequence with cheap front removal, end insertion, sorted
// insertion and removal anywhere. Chunks hold 1..kChunk elements.
template <typename T, size_t kChunk = 256>
class ChunkedSeq {
    using Chunk = std::vector<T>;

public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;

        const_iterator() = default;
        const T& operator*() const { return (*(*chunks_)[chunk_])[offset_]; }
        const T* operator->() const { return &**this; }
        const_iterator& operator++() {
            if (++offset_ == (*chunks_)[chunk_]->size()) {
                chunk_++;
                offset_ = 0;
            }
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator was = *this;
            ++*this;
            return was;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) {
            return a.chunk_ == b.chunk_ && a.offset_ == b.offset_;
        }

    private:
        friend class ChunkedSeq;
        const_iterator(const std::vector<std::shared_ptr<Chunk>>* chunks, size_t chunk, size_t offset)
            : chunks_(chunks), chunk_(chunk), offset_(offset) {}
        const std::vector<std::shared_ptr<Chunk>>* chunks_ = nullptr;
        size_t chunk_ = 0, offset_ = 0;
    };

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& front() const { return chunks_.front()->front(); }
    const T& back() const { return chunks_.back()->back(); }
    const_iterator begin() const { return const_iterator(&chunks_, 0, 0); }
    const_iterator end() const { return const_iterator(&chunks_, chunks_.size(), 0); }
    // Walks the chunks: for tests and short reads, not for loops over all.
    const T& operator[](size_t i) const {
        for (const auto& c : chunks_) {
            if (i < c->size()) return (*c)[i];
            i -= c->size();
        }
        return back();  // out of range: like std::deque's, a caller's bug
    }

    void clear() {
        chunks_.clear();
        size_ = 0;
    }
    void push_back(T value) {
        if (chunks_.empty() || chunks_.back()->size() >= kChunk) chunks_.push_back(std::make_shared<Chunk>());
        own(chunks_.size() - 1).push_back(std::move(value));
        size_++;
    }
    void pop_front() { erase_at(0, 0); }

    // Removes the first element `same` accepts; false if there is none.
    template <typename Same>
    bool erase_first(Same same) {
        for (size_t c = 0; c < chunks_.size(); c++) {
            const Chunk& chunk = *chunks_[c];
            const auto it = std::find_if(chunk.begin(), chunk.end(), same);
            if (it != chunk.end()) {
                erase_at(c, size_t(it - chunk.begin()));
                return true;
            }
        }
        return false;
    }

    // For a sequence kept sorted by `less`: inserts after its equals.
    template <typename Less>
    void insert_sorted(T value, Less less) {
        // The first chunk whose last element sorts after the value holds its place.
        size_t c = size_t(std::partition_point(chunks_.begin(), chunks_.end(),
                                               [&](const auto& ch) { return !less(value, ch->back()); }) -
                          chunks_.begin());
        if (c == chunks_.size()) {
            push_back(std::move(value));
            return;
        }
        Chunk& chunk = own(c);
        chunk.insert(std::upper_bound(chunk.begin(), chunk.end(), value, less), std::move(value));
        size_++;
        if (chunk.size() > kChunk) split(c);
    }

    // For a sequence kept sorted by `less`: removes the element equal to
    // `key` (neither sorts before the other); false if there is none.
    template <typename Less>
    bool erase_sorted(const T& key, Less less) {
        const size_t c = size_t(std::partition_point(chunks_.begin(), chunks_.end(),
                                                     [&](const auto& ch) { return less(ch->back(), key); }) -
                                chunks_.begin());
        if (c == chunks_.size()) return false;
        const Chunk& chunk = *chunks_[c];
        const auto it = std::lower_bound(chunk.begin(), chunk.end(), key, less);
        if (it == chunk.end() || less(key, *it)) return false;
        erase_at(c, size_t(it - chunk.begin()));
        return true;
    }

    // f(identity, chunk) for each chunk: copies that share a chunk pass the
    // same identity (the Seeker counts its checkpoints' memory with it).
    template <typename F>
    void for_each_chunk(F f) const {
        for (const auto& c : chunks_) f(static_cast<const void*>(c.get()), *c);
    }

private:
    // The chunk, cloned first if another copy shares it.
    Chunk& own(size_t c) {
        if (chunks_[c].use_count() > 1) chunks_[c] = std::make_shared<Chunk>(*chunks_[c]);
        return *chunks_[c];
    }
    void erase_at(size_t c, size_t offset) {
        if (chunks_[c]->size() == 1) {
            chunks_.erase(chunks_.begin() + ptrdiff_t(c));
        } else {
            Chunk& chunk = own(c);
            chunk.erase(chunk.begin() + ptrdiff_t(offset));
        }
        size_--;
    }
    void split(size_t c) {
        Chunk& full = *chunks_[c];
        const auto half = full.begin() + ptrdiff_t(full.size() / 2);
        auto upper = std::make_shared<Chunk>(half, full.end());
        full.erase(half, full.end());
        chunks_.insert(chunks_.begin() + ptrdiff_t(c + 1), std::move(upper));
    }

    std::vector<std::shared_ptr<Chunk>> chunks_;
    size_t size_ = 0;
};

// An append-only list of lines whose last lines may still grow: chunks are
// all full but the last, so indexing is O(1).
template <typename T, size_t kChunk = 256>
class ChunkedLog {
    using Chunk = std::vector<T>;

public:
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](size_t i) const { return (*chunks_[i / kChunk])[i % kChunk]; }
    const T& back() const { return chunks_.back()->back(); }
    const T& front() const { return chunks_.front()->front(); }

    void push_back(T value) {
        if (size_ % kChunk == 0) chunks_.push_back(std::make_shared<Chunk>());
        own(chunks_.size() - 1).push_back(std::move(value));
        size_++;
    }
    // The element, its chunk cloned first if another copy shares it.
    T& mutable_at(size_t i) { return own(i / kChunk)[i % kChunk]; }
    void clear() {
        chunks_.clear();
        size_ = 0;
    }

    template <typename F>
    void for_each_chunk(F f) const {
        for (const auto& c : chunks_) f(static_cast<const void*>(c.get()), *c);
    }

private:
    Chunk& own(size_t c) {
        if (chunks_[c].use_count() > 1) chunks_[c] = std::make_shared<Chunk>(*chunks_[c]);
        return *chunks_[c];
    }

    std::vector<std::shared_ptr<Chunk>> chunks_;
    size_t size_ = 0;
};

}  // namespace looplab::trace
