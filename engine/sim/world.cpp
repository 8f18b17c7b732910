// The conservative scheduler. Safe time (Chandy-Misra-Bryant lookahead,
// computed centrally): an isolate j that is running can send no message
// before its published clock; a waiting one nothing before its own next
// wake-up or its earliest inbox arrival, unless someone else wakes it first
// (which costs one more window). So with W the window,
//   E_j = min(own_j, min_{k != j} own_k + W)   earliest send of j
//   safe_i = min_{j != i} E_j + W              nothing can arrive at i before
// and the isolate with the smallest own time can always proceed: no
// deadlock as long as W > 0.
#include "engine/sim/world.h"

#include <algorithm>

namespace looplab::sim {

namespace {

bool arrives_before(const Message& a, const Message& b) {
    if (a.arrival_ns != b.arrival_ns) return a.arrival_ns < b.arrival_ns;
    if (a.sender != b.sender) return a.sender < b.sender;
    return a.seq < b.seq;
}

uint64_t add_sat(uint64_t a, uint64_t b) { return a > kNever - b ? kNever : a + b; }

}  // namespace

World::World(WorldConfig config) : config_(config), free_permits_(std::max<uint32_t>(1, config.host_threads)) {
    if (config_.window_ns == 0) config_.window_ns = 1;
}

World::~World() { join_all(); }

std::optional<uint32_t> World::add_isolate(uint64_t start_ns) {
    std::lock_guard lock(mutex_);
    if (slots_.size() >= config_.max_isolates) return std::nullopt;
    Slot slot;
    slot.clock = start_ns;
    slots_.push_back(std::move(slot));
    return uint32_t(slots_.size() - 1);
}

void World::acquire_permit(std::unique_lock<std::mutex>& lock, uint32_t id) {
    changed_.wait(lock, [&] { return free_permits_ > 0; });
    free_permits_--;
    slots_[id].has_permit = true;
}

void World::release_permit(uint32_t id) {
    if (!slots_[id].has_permit) return;
    slots_[id].has_permit = false;
    free_permits_++;
    changed_.notify_all();
}

void World::adopt_current_thread(uint32_t id) {
    std::unique_lock lock(mutex_);
    acquire_permit(lock, id);
}

void World::release_current_thread(uint32_t id) {
    std::lock_guard lock(mutex_);
    release_permit(id);
}

void World::start_thread(uint32_t id, std::function<void()> body) {
    std::lock_guard lock(mutex_);
    threads_.emplace_back([this, id, body = std::move(body)] {
        {
            std::unique_lock inner(mutex_);
            acquire_permit(inner, id);
        }
        body();
        std::lock_guard inner(mutex_);
        release_permit(id);
    });
}

uint64_t World::earliest_inbox(uint32_t id) const {
    const Slot& s = slots_[id];
    if (s.wake_kind != 0 && s.state == State::Waiting) {
        for (const Message& m : s.inbox) {
            if (m.kind == s.wake_kind || m.interrupt) return m.arrival_ns;
        }
        return kNever;
    }
    return s.inbox.empty() ? kNever : s.inbox.front().arrival_ns;
}

uint64_t World::own_next(uint32_t id) const {
    const Slot& s = slots_[id];
    switch (s.state) {
        case State::Running: return s.clock;
        // A message that arrived while it ran is handled now, not in the past.
        case State::Waiting: return std::max(s.clock, std::min(s.wake, earliest_inbox(id)));
        case State::Done: return kNever;
    }
    return kNever;
}

uint64_t World::safe_time(uint32_t id) const {
    const size_t n = slots_.size();
    // The two smallest own times, so "min over k != j" is O(1) per j.
    uint64_t best = kNever, second = kNever;
    size_t best_index = n;
    std::vector<uint64_t> own(n);
    for (size_t k = 0; k < n; k++) {
        own[k] = own_next(uint32_t(k));
        if (own[k] < best) {
            second = best;
            best = own[k];
            best_index = k;
        } else if (own[k] < second) {
            second = own[k];
        }
    }
    uint64_t safe = kNever;
    for (size_t j = 0; j < n; j++) {
        if (j == id || slots_[j].state == State::Done) continue;
        const uint64_t others = j == best_index ? second : best;
        const uint64_t earliest_send = std::min(own[j], add_sat(others, config_.window_ns));
        safe = std::min(safe, add_sat(earliest_send, config_.window_ns));
    }
    return safe;
}

uint64_t World::barrier(uint32_t id, uint64_t now_ns) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    s.state = State::Running;
    changed_.notify_all();
    uint64_t safe = safe_time(id);
    if (safe >= now_ns) return safe;
    release_permit(id);
    changed_.wait(lock, [&] { return (safe = safe_time(id)) >= now_ns; });
    acquire_permit(lock, id);
    return safe;
}

std::optional<uint64_t> World::next_arrival(uint32_t id, uint64_t now_ns, uint64_t horizon_ns) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    s.state = State::Waiting;
    s.wake = std::max(horizon_ns, s.clock);
    changed_.notify_all();
    // Certain once nothing can arrive before min(horizon, earliest inbox).
    auto settled = [&] { return safe_time(id) >= own_next(id); };
    if (!settled()) {
        release_permit(id);
        changed_.wait(lock, settled);
        acquire_permit(lock, id);
    }
    s.state = State::Running;
    const uint64_t first = earliest_inbox(id);
    changed_.notify_all();
    if (first == kNever || first > s.wake) return std::nullopt;
    return first;
}

std::vector<Message> World::take_arrived(uint32_t id, uint64_t now_ns) {
    std::lock_guard lock(mutex_);
    auto& inbox = slots_[id].inbox;
    size_t n = 0;
    while (n < inbox.size() && inbox[n].arrival_ns <= now_ns) n++;
    std::vector<Message> out(std::make_move_iterator(inbox.begin()), std::make_move_iterator(inbox.begin() + n));
    inbox.erase(inbox.begin(), inbox.begin() + n);
    in_flight_ -= n;
    changed_.notify_all();
    return out;
}

uint64_t World::earliest_interrupt(uint32_t id) {
    std::lock_guard lock(mutex_);
    uint64_t first = shutdown_at_.load();
    for (const Message& m : slots_[id].inbox) {
        if (m.interrupt) return std::min(first, m.arrival_ns);
    }
    return first;
}

bool World::post(Message message) {
    std::lock_guard lock(mutex_);
    if (in_flight_ >= config_.max_in_flight) return false;
    Slot& from = slots_[message.sender];
    message.seq = from.next_seq++;
    // Sending is progress: the sender's clock is at least the send time.
    from.clock = std::max(from.clock, message.sent_ns);
    if (message.receiver >= slots_.size() || slots_[message.receiver].state == State::Done) return true;
    auto& inbox = slots_[message.receiver].inbox;
    inbox.insert(std::upper_bound(inbox.begin(), inbox.end(), message, arrives_before), std::move(message));
    in_flight_++;
    changed_.notify_all();
    return true;
}

void World::finish(uint32_t id, uint64_t now_ns) {
    std::lock_guard lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    s.state = State::Done;
    in_flight_ -= s.inbox.size();
    s.inbox.clear();
    changed_.notify_all();
}

void World::join_all() {
    for (;;) {
        std::vector<std::thread> threads;
        {
            std::lock_guard lock(mutex_);
            threads.swap(threads_);
        }
        if (threads.empty()) return;
        for (auto& t : threads) t.join();
    }
}

uint32_t World::runnable_count() {
    std::lock_guard lock(mutex_);
    uint32_t n = 0;
    for (const Slot& s : slots_) n += s.state == State::Running ? 1 : 0;
    return n;
}

// ---------------------------------------------------------------- shared memory

void World::take_turn(uint32_t id, uint64_t now_ns) {
    std::unique_lock lock(mutex_);
    Slot& self = slots_[id];
    self.clock = std::max(self.clock, now_ns);
    self.state = State::Running;
    changed_.notify_all();
    // Isolate j can act no earlier than E_j = min(own_j, others' own + W)
    // (safe_time's reasoning); our turn comes when every E_j is later.
    auto my_turn = [&] {
        const size_t n = slots_.size();
        for (size_t j = 0; j < n; j++) {
            if (j == id || slots_[j].state == State::Done) continue;
            uint64_t earliest = own_next(uint32_t(j));
            for (size_t k = 0; k < n; k++) {
                if (k != j) earliest = std::min(earliest, add_sat(own_next(uint32_t(k)), config_.window_ns));
            }
            if (earliest < now_ns || (earliest == now_ns && j < id)) return false;
        }
        return true;
    };
    if (my_turn()) return;
    release_permit(id);
    changed_.wait(lock, my_turn);
    acquire_permit(lock, id);
}

std::optional<Message> World::wait_for_kind(uint32_t id, uint64_t now_ns, uint64_t deadline_ns, uint32_t kind) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    s.state = State::Waiting;
    s.wake = std::max(deadline_ns, s.clock);
    s.wake_kind = kind;
    changed_.notify_all();
    auto settled = [&] { return safe_time(id) >= own_next(id) || shutdown_at_.load() != kNever; };
    if (!settled()) {
        release_permit(id);
        changed_.wait(lock, settled);
        acquire_permit(lock, id);
    }
    const uint64_t first = earliest_inbox(id);
    s.state = State::Running;
    s.wake_kind = 0;
    changed_.notify_all();
    if (first == kNever || first > s.wake) return std::nullopt;
    auto& inbox = s.inbox;
    for (size_t i = 0; i < inbox.size(); i++) {
        if (inbox[i].arrival_ns != first || (inbox[i].kind != kind && !inbox[i].interrupt)) continue;
        Message m = std::move(inbox[i]);
        inbox.erase(inbox.begin() + long(i));
        in_flight_--;
        return m;
    }
    return std::nullopt;
}

}  // namespace looplab::sim
