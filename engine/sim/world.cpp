// The conservative scheduler. Safe time (Chandy-Misra-Bryant lookahead,
// computed centrally): an isolate j that is running can send no message
// before its published clock; a waiting one nothing before its own next
// wake-up or its earliest inbox arrival, unless someone else wakes it first
// (which costs one more window). So with W the window,
//   E_j = min(own_j, min_{k != j} own_k + W)   earliest send of j
//   safe_i = min_{j != i} E_j + L              nothing can arrive at i before
// where L is the smallest latency of the messages in question: W for the
// inbox (poll), the interrupt latency for statement barriers. The isolate
// with the smallest own time can always proceed: no deadlock while W > 0.
//
// Virtual cores: time is cut into slices of time_slice_ns. An isolate that
// is running when it crosses a slice boundary registers as a candidate for
// that slice; once no other isolate can still register (each has passed the
// boundary, or waits past it with nothing able to wake it sooner), the
// candidates are decided in slice order: with more candidates than cores,
// the ones that ran the fewest slices get a core (ties: smaller id) and the
// rest lose the slice (their clock moves one quantum on). Only virtual
// facts enter the decision, so the host-thread count changes nothing.
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
    config_.interrupt_latency_ns = std::max(config_.interrupt_latency_ns, config_.window_ns);
    if (config_.cores == 0) config_.cores = 1;
    // Waiting threads hold references into slots_: it must never reallocate.
    slots_.reserve(config_.max_isolates);
}

World::~World() { join_all(); }

std::optional<uint32_t> World::add_isolate(uint64_t start_ns) {
    std::lock_guard lock(mutex_);
    if (slots_.size() >= config_.max_isolates) return std::nullopt;
    Slot slot;
    slot.clock = start_ns;
    // It starts inside a slice: a candidate from the next boundary on.
    if (config_.time_slice_ns != 0) slot.slice = start_ns / config_.time_slice_ns;
    slots_.push_back(std::move(slot));
    wake_waiters();
    return uint32_t(slots_.size() - 1);
}

// ---------------------------------------------------------------- permits

void World::acquire_permit(std::unique_lock<std::mutex>& lock, uint32_t id) {
    permits_.wait(lock, [&] { return free_permits_ > 0; });
    free_permits_--;
    slots_[id].has_permit = true;
}

void World::release_permit(uint32_t id) {
    if (!slots_[id].has_permit) return;
    slots_[id].has_permit = false;
    free_permits_++;
    permits_.notify_one();
}

template <typename Ready>
void World::wait_until(std::unique_lock<std::mutex>& lock, uint32_t id, Ready ready) {
    if (ready()) return;
    release_permit(id);
    time_waiters_++;
    changed_.wait(lock, ready);
    time_waiters_--;
    acquire_permit(lock, id);
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

// ---------------------------------------------------------------- safe time

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

uint64_t World::safe_time(uint32_t id, uint64_t lookahead) const {
    const size_t n = slots_.size();
    // The two smallest own times, so "min over k != j" is O(1) per j.
    uint64_t best = kNever, second = kNever;
    size_t best_index = n;
    uint64_t safe = kNever;
    for (size_t k = 0; k < n; k++) {
        const uint64_t own = own_next(uint32_t(k));
        if (own < best) {
            second = best;
            best = own;
            best_index = k;
        } else if (own < second) {
            second = own;
        }
    }
    for (size_t j = 0; j < n; j++) {
        if (j == id || slots_[j].state == State::Done) continue;
        const uint64_t others = j == best_index ? second : best;
        const uint64_t earliest_send = std::min(own_next(uint32_t(j)), add_sat(others, config_.window_ns));
        safe = std::min(safe, add_sat(earliest_send, lookahead));
    }
    return safe;
}

// ---------------------------------------------------------------- barriers

// Only time_slice() makes an isolate a candidate for a slice. Any other
// call that finds boundaries behind the clock (the poll phase ran past them
// without a statement barrier) passes them as not runnable, so nobody ever
// waits for an isolate that is itself blocked: a fixed point of its program
// order, hence deterministic.
void World::pass_slices(Slot& s) const {
    if (config_.time_slice_ns != 0) s.slice = std::max(s.slice, s.clock / config_.time_slice_ns);
}

// It slept through the slices up to its wake-up: a candidate again from the
// next boundary.
void World::resume_slices(Slot& s, uint64_t resume_ns) const {
    if (config_.time_slice_ns != 0 && resume_ns != kNever) {
        s.slice = std::max(s.slice, resume_ns / config_.time_slice_ns);
    }
}

uint64_t World::barrier(uint32_t id, uint64_t now_ns) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    s.state = State::Running;
    pass_slices(s);
    wake_waiters();
    uint64_t safe = 0;
    wait_until(lock, id, [&] { return (safe = safe_time(id, config_.interrupt_latency_ns)) >= s.clock; });
    // Strictly before the boundary: the caller's first check at or past it
    // must come to time_slice(), whatever the others' clocks were.
    if (config_.time_slice_ns != 0) safe = std::min(safe, (s.slice + 1) * config_.time_slice_ns - 1);
    return safe;
}

// Slice `slice`'s candidates are final for `id` once every other isolate has
// passed its boundary (registered or not) or cannot run before it ends:
// waiting past it with nothing able to arrive sooner.
bool World::slice_settled(uint32_t id, uint64_t slice) const {
    const uint64_t boundary = slice * config_.time_slice_ns;
    for (size_t j = 0; j < slots_.size(); j++) {
        const Slot& other = slots_[j];
        if (j == id || other.state == State::Done || other.slice >= slice) continue;
        const bool asleep_past = other.state == State::Waiting && own_next(uint32_t(j)) > boundary &&
                                 safe_time(uint32_t(j), config_.window_ns) > boundary;
        if (!asleep_past) return false;
    }
    return true;
}

// Round robin over the candidates, one slice at a time, in slice order.
void World::decide_slices_through(uint64_t slice) {
    while (!slice_candidates_.empty() && slice_candidates_.begin()->first <= slice) {
        auto entry = slice_candidates_.begin();
        std::vector<uint32_t> candidates = std::move(entry->second);
        const uint64_t decided = entry->first;
        slice_candidates_.erase(entry);
        std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
            if (slots_[a].granted != slots_[b].granted) return slots_[a].granted < slots_[b].granted;
            return a < b;
        });
        for (size_t i = 0; i < candidates.size(); i++) {
            Slot& s = slots_[candidates[i]];
            s.on_core = i < config_.cores;
            (s.on_core ? s.granted : s.denied)++;
            s.decided_slice = decided;
        }
    }
}

uint64_t World::time_slice(uint32_t id, uint64_t now_ns) {
    const uint64_t quantum = config_.time_slice_ns;
    if (quantum == 0) return now_ns;
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    s.state = State::Running;
    while ((s.slice + 1) * quantum <= s.clock) {
        const uint64_t slice = ++s.slice;
        slice_candidates_[slice].push_back(id);
        wake_waiters();
        wait_until(lock, id, [&] { return s.decided_slice == slice || slice_settled(id, slice); });
        decide_slices_through(slice);
        // Descheduled: the slice passes without the isolate running.
        if (!s.on_core) s.clock += quantum;
        wake_waiters();
    }
    return s.clock;
}

std::optional<uint64_t> World::next_arrival(uint32_t id, uint64_t now_ns, uint64_t horizon_ns) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    pass_slices(s);
    s.state = State::Waiting;
    s.wake = std::max(horizon_ns, s.clock);
    wake_waiters();
    // Certain once nothing can arrive before min(horizon, earliest inbox).
    // When nothing can ever wake anyone (every isolate waits with no timer
    // and no message), only the root (isolate 0) is told so, and it ends the
    // run; the others wait for that shutdown. Letting each one find out
    // would make the outcome depend on which host thread looked first.
    wait_until(lock, id, [&] {
        if (shutdown_at_.load() != kNever) return true;
        const uint64_t own = own_next(id);
        return safe_time(id, config_.window_ns) >= own && (own != kNever || id == 0);
    });
    resume_slices(s, own_next(id));
    s.state = State::Running;
    const uint64_t first = earliest_inbox(id);
    wake_waiters();
    if (first == kNever || first > s.wake) return std::nullopt;
    return first;
}

std::vector<Message> World::take_arrived(uint32_t id, uint64_t now_ns) {
    std::unique_lock lock(mutex_);
    pass_slices(slots_[id]);
    wait_until(lock, id, [&] { return safe_time(id, config_.window_ns) >= now_ns; });
    auto& inbox = slots_[id].inbox;
    size_t n = 0;
    while (n < inbox.size() && inbox[n].arrival_ns <= now_ns) n++;
    std::vector<Message> out(std::make_move_iterator(inbox.begin()), std::make_move_iterator(inbox.begin() + n));
    inbox.erase(inbox.begin(), inbox.begin() + n);
    in_flight_ -= n;
    wake_waiters();
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

// ---------------------------------------------------------------- messages and lifetime

bool World::post(Message message) {
    std::lock_guard lock(mutex_);
    if (in_flight_ >= config_.max_in_flight) return false;
    Slot& from = slots_[message.sender];
    message.seq = from.next_seq++;
    // Sending is progress: the sender's clock is at least the send time.
    from.clock = std::max(from.clock, message.sent_ns);
    if (message.interrupt) {
        message.arrival_ns = std::max(message.arrival_ns, add_sat(message.sent_ns, config_.interrupt_latency_ns));
    }
    if (from.last_arrival_to.size() <= message.receiver) from.last_arrival_to.resize(message.receiver + 1, 0);
    uint64_t& channel_last = from.last_arrival_to[message.receiver];
    message.arrival_ns = std::max(message.arrival_ns, channel_last);
    channel_last = message.arrival_ns;
    wake_waiters();
    if (message.receiver >= slots_.size() || slots_[message.receiver].state == State::Done) return true;
    auto& inbox = slots_[message.receiver].inbox;
    inbox.insert(std::upper_bound(inbox.begin(), inbox.end(), message, arrives_before), std::move(message));
    in_flight_++;
    return true;
}

uint32_t World::new_process_number() {
    std::lock_guard lock(mutex_);
    return ++processes_;
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

std::pair<uint64_t, uint64_t> World::slices(uint32_t id) {
    std::lock_guard lock(mutex_);
    return {slots_[id].granted, slots_[id].denied};
}

// ---------------------------------------------------------------- shared memory

void World::take_turn(uint32_t id, uint64_t now_ns) {
    std::unique_lock lock(mutex_);
    Slot& self = slots_[id];
    self.clock = std::max(self.clock, now_ns);
    self.state = State::Running;
    pass_slices(self);
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
    wait_until(lock, id, my_turn);
}

std::optional<Message> World::wait_for_kind(uint32_t id, uint64_t now_ns, uint64_t deadline_ns, uint32_t kind) {
    std::unique_lock lock(mutex_);
    Slot& s = slots_[id];
    s.clock = std::max(s.clock, now_ns);
    pass_slices(s);
    s.state = State::Waiting;
    s.wake = std::max(deadline_ns, s.clock);
    s.wake_kind = kind;
    changed_.notify_all();
    wait_until(lock, id, [&] {
        return safe_time(id, config_.window_ns) >= own_next(id) || shutdown_at_.load() != kNever;
    });
    resume_slices(s, own_next(id));
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
