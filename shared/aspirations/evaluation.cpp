#include "aspirations/evaluation.hpp"

#include <nlohmann/json.hpp>

#include <array>

#include "aspirations/aspiration.hpp"
#include "core/utf8.hpp"
#include "sync/outbox.hpp"

namespace desa::aspirations {
namespace {

constexpr std::array<std::string_view, 5> kServiceNames{"administrasi_kependudukan", "surat_keterangan",
                                                        "kesehatan_posyandu", "perpustakaan", "lainnya"};

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000; }

// White space trimmed at both ends (valid UTF-8 only: check_free_text ran first); `length` in
// code points.
std::string trim(std::string_view s, std::size_t& length) {
    std::string out;
    std::size_t keep = 0, count = 0, count_kept = 0;
    bool started = false;
    while (!s.empty()) {
        char32_t c = 0;
        const std::size_t n = decode_utf8(s, c);
        if (n == 0) break;
        s.remove_prefix(n);
        if (!started && is_space(c)) continue;
        started = true;
        append_utf8(out, c);
        ++count;
        if (!is_space(c)) {
            keep = out.size();
            count_kept = count;
        }
    }
    out.resize(keep);
    length = count_kept;
    return out;
}

}  // namespace

std::string_view service_name(Service s) { return kServiceNames[static_cast<std::size_t>(s)]; }

std::optional<Service> service_from_name(std::string_view name) {
    for (std::size_t i = 0; i < kServiceNames.size(); ++i)
        if (kServiceNames[i] == name) return static_cast<Service>(i);
    return std::nullopt;
}

EvaluationCheck validate_evaluation(const EvaluationDraft& d) {
    EvaluationCheck out;
    auto& problems = out.problems;
    if (!d.service) problems.push_back({"service", "evaluation.problem.service.missing", {}});
    if (!d.rating) problems.push_back({"rating", "evaluation.problem.rating.missing", {}});
    else if (*d.rating < kRatingMin || *d.rating > kRatingMax)
        problems.push_back({"rating", "evaluation.problem.rating.range", {}});
    std::string comment;
    switch (check_free_text(d.comment)) {
        case TextFault::None: {
            std::size_t length = 0;
            comment = trim(d.comment, length);
            if (length > kEvaluationCommentMax)
                problems.push_back({"comment", "evaluation.problem.comment.too_long", std::to_string(kEvaluationCommentMax)});
            break;
        }
        case TextFault::InvalidUtf8: problems.push_back({"comment", "evaluation.problem.comment.invalid", {}}); break;
        case TextFault::ControlCharacter:
            problems.push_back({"comment", "evaluation.problem.comment.control_character", {}});
            break;
        case TextFault::BidiControl: problems.push_back({"comment", "evaluation.problem.comment.bidi_control", {}}); break;
    }
    if (problems.empty()) out.accepted = Evaluation{*d.service, *d.rating, std::move(comment)};
    return out;
}

std::int64_t submissions_last_minute(storage::Database& db, std::int64_t now) {
    // Within [now - 60, now], as for aspirations: rows "from the future" after the clock jumped
    // back must not block the kiosk.
    auto s = db.prepare(
        "SELECT count(*) FROM outbox WHERE channel IN ('aspirations', 'evaluations') AND created_at BETWEEN ?1 AND ?2");
    s.bind(1, now - 60).bind(2, now);
    s.step();
    return s.column_int64(0);
}

EvaluationResult record_evaluation(storage::Database& db, const Evaluation& e, const EvaluationRules& rules,
                                   std::int64_t now) {
    storage::Transaction tx(db);
    if (submissions_last_minute(db, now) >= rules.max_per_minute) return {std::nullopt, EvaluationRefusal::RateLimited};
    const std::string uuid = sync::new_uuid();
    const nlohmann::json payload{{"id", uuid},
                                 {"created_at", now},
                                 {"village_code", rules.village_code},
                                 {"service", service_name(e.service)},
                                 {"rating", e.rating},
                                 {"comment", e.comment}};
    sync::append(db, sync::OutboxRecord{uuid, std::string(kEvaluationChannel), now, payload.dump(), std::nullopt});
    tx.commit();  // synchronous=FULL: on disk before the thank-you
    return {uuid, std::nullopt};
}

}  // namespace desa::aspirations
