#pragma once
// The quick service evaluation: one tap from 1 (sangat buruk) to 5 (sangat baik) for a village
// service, with an optional short comment. No identity at all. Stored like an aspiration: one
// append-only outbox record on the "evaluations" channel, under the same per-minute limit.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace desa::aspirations {

// The services a resident can rate at the village hall.
enum class Service { Population, Letters, Health, Library, Other };
inline constexpr Service kServices[] = {Service::Population, Service::Letters, Service::Health, Service::Library,
                                        Service::Other};
// Wire names: "administrasi_kependudukan", "surat_keterangan", "kesehatan_posyandu",
// "perpustakaan", "lainnya".
std::string_view service_name(Service);
std::optional<Service> service_from_name(std::string_view);

inline constexpr int kRatingMin = 1, kRatingMax = 5;
inline constexpr std::size_t kEvaluationCommentMax = 500;  // code points
inline constexpr std::string_view kEvaluationChannel = "evaluations";

struct EvaluationDraft {
    std::optional<Service> service;
    std::optional<int> rating;
    std::string comment;  // optional
};

struct EvaluationProblem {
    std::string field;       // "service", "rating", "comment"
    std::string message_id;  // "evaluation.problem.service.missing", ...
    std::string detail;      // a number for the message ({max}), never the comment itself
};

struct Evaluation {  // accepted: comment trimmed
    Service service;
    int rating;
    std::string comment;
};

struct EvaluationCheck {
    std::optional<Evaluation> accepted;
    std::vector<EvaluationProblem> problems;  // in field order
};
EvaluationCheck validate_evaluation(const EvaluationDraft& draft);

struct EvaluationRules {
    std::string village_code;
    int max_per_minute = 3;  // shared with aspirations: both count against it
};

enum class EvaluationRefusal { RateLimited };

struct EvaluationResult {
    std::optional<std::string> uuid;  // the outbox record's id when stored
    std::optional<EvaluationRefusal> refused;
};

// Appends {id, created_at, village_code, service, rating, comment} to the outbox in one durable
// transaction, unless aspirations and evaluations together reached the limit in the last minute.
EvaluationResult record_evaluation(storage::Database& db, const Evaluation& evaluation, const EvaluationRules& rules,
                                   std::int64_t now);

// Outbox records of both channels created within [now - 60, now].
std::int64_t submissions_last_minute(storage::Database& db, std::int64_t now);

}  // namespace desa::aspirations
