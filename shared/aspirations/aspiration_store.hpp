#pragma once
// Submitting an accepted aspiration: personal fields and the photo sealed to the province key,
// the whole appended to the outbox and recorded for tracking, in one durable transaction, before
// the receipt is shown. Abuse limits (rate, exact duplicates) are checked in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aspirations/aspiration.hpp"
#include "security/sealed_box.hpp"
#include "storage/database.hpp"

namespace desa::aspirations {

inline constexpr std::size_t kTrackingRandomChars = 10;  // + 1 check character
inline constexpr std::size_t kTrackingCodeLength = kTrackingRandomChars + 1;

std::string new_tracking_code();                    // "7KQMA9XD4B2" (store it like this)
std::string display_tracking_code(std::string_view); // "7KQM-A9XD-4B2" (show and print it like this)

struct SubmitRules {
    std::string village_code;                       // the kiosk's desa, in the payload
    std::optional<security::BoxPublicKey> province; // required for rahasia / nama
    int max_per_minute = 3;
};

enum class SubmitProblem {
    RateLimited,    // the kiosk's limit per minute reached: "please try again in a minute"
    Duplicate,      // the same type, category, title and text in the last 24 hours
    NoProvinceKey,  // rahasia/nama without a province key: personal data cannot be sealed
};

struct Receipt {
    std::string tracking_code;  // canonical
    std::string uuid;           // outbox idempotency key
    std::int64_t created_at = 0;
    Kind kind{};
    Category category{};
    Identity identity{};
    std::string title;
};

struct SubmitResult {
    std::optional<Receipt> receipt;
    std::optional<SubmitProblem> problem;
};

SubmitResult submit(storage::Database& db, const Accepted& aspiration, const SubmitRules& rules, std::int64_t now);
std::string_view submit_problem_name(SubmitProblem);  // "rate_limited", "duplicate", "no_province_key"

enum class Status { Received, Sent, Verified, Forwarded, Answered, Closed };
std::string_view status_name(Status);  // "received", "sent", ...
std::optional<Status> status_from_name(std::string_view);

struct StatusStep {
    Status status;
    std::int64_t at = 0;
    std::string answer;  // with answered / closed
};

struct Summary {  // non-personal: what `aspirations list` and the tracking screen show
    std::string tracking_code;
    std::int64_t created_at = 0;
    Kind kind{};
    Category category{};
    Identity identity{};
    std::string title;
    bool has_photo = false;
    std::vector<StatusStep> timeline;  // received first, in order
};

// Newest first.
std::vector<Summary> list(storage::Database& db, std::size_t limit = 1000);
// A typed code (any case, with or without dashes); nullopt when unknown on this kiosk.
std::optional<Summary> track(storage::Database& db, std::string_view tracking_code);
// From the hub (sync) or the outbox acknowledgement; a repeated status keeps its first time.
void record_status(storage::Database& db, std::string_view tracking_code, Status status, std::int64_t at,
                   std::string_view answer = {});

}  // namespace desa::aspirations
