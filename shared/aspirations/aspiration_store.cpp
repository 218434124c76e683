#include "aspirations/aspiration_store.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <array>

#include "aspirations/evaluation.hpp"
#include "core/readable_code.hpp"
#include "security/sodium.hpp"
#include "sync/outbox.hpp"

namespace desa::aspirations {
namespace {

constexpr std::array<std::string_view, 6> kStatusNames{"received", "sent", "verified", "forwarded", "answered", "closed"};
constexpr std::int64_t kDuplicateWindow = 24 * 3600;

std::string content_hash(const Accepted& a) {
    security::ensure_sodium();
    const std::string text = std::string(kind_name(a.kind)) + '\x1f' + std::string(category_name(a.category)) + '\x1f' +
                             a.title + '\x1f' + a.text;
    std::array<unsigned char, 32> h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), h.data(), h.size());
    return hex.data();
}

// count(*) between two times (?1, ?2), optionally for a text (?3).
std::int64_t scalar(storage::Database& db, const char* sql, std::int64_t a, std::int64_t b, std::string_view text = {}) {
    auto s = db.prepare(sql);
    s.bind(1, a).bind(2, b);
    if (!text.empty()) s.bind(3, text);
    s.step();
    return s.column_int64(0);
}

std::string payload(const Accepted& a, const Receipt& r, const SubmitRules& rules) {
    nlohmann::json j{{"id", r.uuid},
                     {"tracking_code", r.tracking_code},
                     {"created_at", r.created_at},
                     {"village_code", rules.village_code},
                     {"type", kind_name(a.kind)},
                     {"category", category_name(a.category)},
                     {"title", a.title},
                     {"text", a.text},
                     {"dusun", a.dusun},
                     {"rt", a.rt},
                     {"rw", a.rw},
                     {"identity", identity_name(a.identity)},
                     {"rating", a.rating ? nlohmann::json(*a.rating) : nlohmann::json()},
                     {"sealed_identity", nullptr},
                     {"sealed_photo", nullptr}};
    if (a.identity != Identity::Anonymous) {
        const std::string identity = nlohmann::json{{"name", a.name}, {"nik", a.nik}, {"phone", a.phone}}.dump();
        const auto sealed = security::seal(identity, *rules.province);
        j["sealed_identity"] = security::to_base64(sealed.data(), sealed.size());
    }
    if (!a.photo.empty()) {
        // A photo may show faces or a house: sealed like the identity, even from an anonymous
        // resident. Without a province key no photo is kept at all.
        const std::string_view bytes(reinterpret_cast<const char*>(a.photo.data()), a.photo.size());
        const auto sealed = security::seal(bytes, *rules.province);
        j["sealed_photo"] = security::to_base64(sealed.data(), sealed.size());
    }
    return j.dump();
}

Summary read_summary(const storage::Statement& s) {
    Summary out;
    out.tracking_code = s.column_text(0);
    out.created_at = s.column_int64(1);
    out.kind = kind_from_name(s.column_text(2)).value_or(Kind::Aspiration);
    out.category = category_from_name(s.column_text(3)).value_or(Category::Other);
    out.identity = identity_from_name(s.column_text(4)).value_or(Identity::Anonymous);
    out.title = s.column_text(5);
    out.has_photo = s.column_int64(6) != 0;
    return out;
}

void load_timeline(storage::Database& db, Summary& s) {
    s.timeline.push_back({Status::Received, s.created_at, {}});
    auto q = db.prepare("SELECT status, at, answer FROM aspiration_status WHERE tracking_code = ?1");
    q.bind(1, s.tracking_code);
    std::vector<StatusStep> steps;
    while (q.step())
        if (auto st = status_from_name(q.column_text(0))) steps.push_back({*st, q.column_int64(1), q.column_text(2)});
    // In workflow order, whatever order the statuses arrived in.
    std::sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.status < b.status; });
    s.timeline.insert(s.timeline.end(), steps.begin(), steps.end());
}

constexpr const char* kSummaryColumns =
    "SELECT tracking_code, created_at, kind, category, identity, title, has_photo FROM aspirations ";

}  // namespace

std::string new_tracking_code() { return readable_code::make(kTrackingRandomChars); }
std::string display_tracking_code(std::string_view code) { return readable_code::group(code, 4); }

std::string_view submit_problem_name(SubmitProblem p) {
    switch (p) {
        case SubmitProblem::RateLimited: return "rate_limited";
        case SubmitProblem::Duplicate: return "duplicate";
        case SubmitProblem::NoProvinceKey: return "no_province_key";
    }
    return "rate_limited";
}

std::string_view status_name(Status s) { return kStatusNames[static_cast<std::size_t>(s)]; }
std::optional<Status> status_from_name(std::string_view n) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == n) return static_cast<Status>(i);
    return std::nullopt;
}

SubmitResult submit(storage::Database& db, const Accepted& a, const SubmitRules& rules, std::int64_t now) {
    if ((a.identity != Identity::Anonymous || !a.photo.empty()) && !rules.province)
        return {std::nullopt, SubmitProblem::NoProvinceKey};
    storage::Transaction tx(db);
    // Aspirations and evaluations share one limit: a flood of either is the same abuse.
    if (submissions_last_minute(db, now) >= rules.max_per_minute) return {std::nullopt, SubmitProblem::RateLimited};
    const std::string hash = content_hash(a);
    if (scalar(db, "SELECT count(*) FROM aspirations WHERE content_hash = ?3 AND created_at BETWEEN ?1 AND ?2",
               now - kDuplicateWindow, now, hash) > 0)
        return {std::nullopt, SubmitProblem::Duplicate};

    Receipt r{{}, sync::new_uuid(), now, a.kind, a.category, a.identity, a.title};
    auto taken = db.prepare("SELECT count(*) FROM aspirations WHERE tracking_code = ?1");
    do {  // 31^10 codes: a clash is rare, but the table decides, not luck
        r.tracking_code = new_tracking_code();
        taken.reset();
        taken.bind(1, r.tracking_code).step();
    } while (taken.column_int64(0) > 0);

    sync::append(db, sync::OutboxRecord{r.uuid, "aspirations", now, payload(a, r, rules), std::nullopt});
    db.prepare(
          "INSERT INTO aspirations (tracking_code, outbox_uuid, created_at, kind, category, title, identity, "
          "has_photo, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, r.tracking_code)
        .bind(2, r.uuid)
        .bind(3, now)
        .bind(4, kind_name(a.kind))
        .bind(5, category_name(a.category))
        .bind(6, a.title)
        .bind(7, identity_name(a.identity))
        .bind(8, a.photo.empty() ? 0 : 1)
        .bind(9, hash)
        .step();
    tx.commit();  // synchronous=FULL: on disk before the receipt is shown
    return {r, std::nullopt};
}

std::vector<Summary> list(storage::Database& db, std::size_t limit) {
    auto s = db.prepare(std::string(kSummaryColumns) + "ORDER BY created_at DESC, tracking_code LIMIT ?1");
    s.bind(1, static_cast<std::int64_t>(limit));
    std::vector<Summary> out;
    while (s.step()) out.push_back(read_summary(s));
    for (auto& summary : out) load_timeline(db, summary);
    return out;
}

std::optional<Summary> track(storage::Database& db, std::string_view typed) {
    const auto code = readable_code::check(typed, kTrackingCodeLength);
    if (!code.code) return std::nullopt;
    auto s = db.prepare(std::string(kSummaryColumns) + "WHERE tracking_code = ?1");
    s.bind(1, *code.code);
    if (!s.step()) return std::nullopt;
    Summary out = read_summary(s);
    load_timeline(db, out);
    return out;
}

void record_status(storage::Database& db, std::string_view tracking_code, Status status, std::int64_t at,
                   std::string_view answer) {
    if (status == Status::Received) return;  // implied by the submission itself
    db.prepare("INSERT INTO aspiration_status (tracking_code, status, at, answer) VALUES (?1, ?2, ?3, ?4) "
               "ON CONFLICT (tracking_code, status) DO NOTHING")
        .bind(1, tracking_code)
        .bind(2, status_name(status))
        .bind(3, at)
        .bind(4, answer)
        .step();
}

}  // namespace desa::aspirations
