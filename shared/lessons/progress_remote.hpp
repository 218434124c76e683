#pragma once
// A learner's progress as the hub merged it from every kiosk (docs/sync-protocol.md "Down: a
// learner's progress"): GET /v1/learners/<code>/progress, signed like every kiosk request, answered
// with rows signed by the province key over progress_answer_text, so a captive portal or a forged
// answer can never hand a learner a mastery (and with it a certificate) they did not earn. The
// caller merges the rows into kiosk.db with merge_progress(); nothing here writes to the database.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lessons/progress_store.hpp"
#include "storage/database.hpp"
#include "sync/hub_client.hpp"

namespace desa::lessons {

// Course and lesson ids as packages name them ([a-z0-9-], 1..40): the hub merges only such rows,
// so every field of the signed text below is one token.
bool is_progress_id(std::string_view id);

// "DESA-PRG-1\n<kiosk_id>\n<learner>\n" + one line per row, in the answer's order:
// "<course> <lesson> <position> <best_score> <round_size> <0|1 mastered> <updated_at>" (no trailing
// newline after the last). Both sides use it.
std::string progress_answer_text(std::string_view kiosk_id, std::string_view learner,
                                 const std::vector<LessonProgress>& rows);

inline constexpr std::size_t kMaxRemoteProgressRows = 2000;

enum class RemoteProblem {
    NotEnrolled,  // no pinned hub or no kiosk key: only local progress exists
    Unreachable,  // network failure, timeout, 5xx: try again later
    Refused,      // the hub said no (revoked, unknown kiosk, a 4xx): an administrator should look
    BadAnswer,    // not the protocol's answer or its signature does not verify
};
std::string_view remote_problem_name(RemoteProblem);  // "not_enrolled", "unreachable", "refused", "bad_answer"

struct RemoteProgress {
    std::vector<LessonProgress> rows;  // when no problem
    std::optional<RemoteProblem> problem;
    std::string detail;  // one line, no learner code, no keys
    bool ok() const { return !problem; }
};

// `learner` canonical (is_learner_code). The kiosk's identity and key come from `db` and `data_dir`.
RemoteProgress fetch_learner_progress(storage::Database& db, const std::filesystem::path& data_dir,
                                      std::string_view learner, const sync::ClientOptions& options = {});

}  // namespace desa::lessons
