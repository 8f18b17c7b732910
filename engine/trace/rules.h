// Why things happen: every learner-visible event carries one of these ids,
// and the narration shows its sentence (rules.cpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace looplab::trace {

enum class Rule : uint8_t {
    None,
    MainScriptRunsFirst,
    SyncCodeRunsToCompletion,
    NextTickQueued,
    NextTickBeforePromises,
    PromiseJobQueued,
    MicrotasksAfterTicks,
    CheckpointAfterCallback,
    TimerQueued,
    TimerDue,
    TimerNotYetDue,
    IntervalRearmed,
    TimerCleared,
    TimerDelayClamped,
    ImmediateQueued,
    ImmediatesRunInCheck,
    ImmediateAddedDuringCheck,
    ImmediateCleared,
    TimersBeforeLoop,
    PhaseOrder,
    PollBlocksUntilTimer,
    PollDoesNotBlock,
    LoopAliveWhileRefed,
    UnrefDoesNotKeepAlive,
    BeforeExitCanRestart,
    ExitEvent,
    ProcessExitStopsNow,
    UncaughtException,
    UnhandledRejection,
    RaceTimeoutVsImmediate,
    ConsoleIsSynchronous,
    CallbackRuns,
    LimitReached,
    LoopTimeCached,
    PoolJobQueued,
    PoolJobWaitsForThread,
    PoolJobStarted,
    PoolJobFinished,
    PoolCallbackInPoll,
    PollWaitsForIo,
    SocketReadyInPoll,
    SyncCallBlocksLoop,
    CloseCallbacksPhase,
    ListeningServerKeepsLoopAlive,
    MessagePosted,
    MessageDelivered,
};
inline constexpr size_t kRuleCount = 46;

// One sentence that explains the rule to a learner.
std::string_view rule_text(Rule rule);
// A short stable identifier ("next_tick_before_promises") for JSON and tests.
std::string_view rule_name(Rule rule);

}  // namespace looplab::trace
