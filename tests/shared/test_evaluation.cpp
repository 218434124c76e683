// The quick service evaluation: its rules as a table, the outbox record it leaves (and nothing
// else), the per-minute limit it shares with aspirations, and the visit model behind the screen.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "aspirations/aspiration_store.hpp"
#include "aspirations/follow_up.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"
#include "test_support.hpp"

using namespace desa::aspirations;

namespace {

constexpr std::int64_t kNow = 1'795'830'000;
constexpr const char* kVillage = "18.01.04.2001";

struct Kiosk {
    desa::test::TempDir dir;
    desa::storage::Database db = desa::storage::open_kiosk_database(dir.path());
    EvaluationRules rules{kVillage, 3};

    std::int64_t outbox_rows() {
        auto s = db.prepare("SELECT count(*) FROM outbox");
        s.step();
        return s.column_int64(0);
    }
    void aspiration(std::int64_t at, const std::string& title) {
        Accepted a{Kind::Aspiration, Category::Health, title, "Mohon jadwal posyandu ditambah setiap bulan.", "", "", "",
                   std::nullopt, {}, Identity::Anonymous, "", "", ""};
        REQUIRE(submit(db, a, SubmitRules{kVillage, std::nullopt, 3}, at).receipt);
    }
};

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("evaluation services: wire names both ways", "[evaluation]") {
    const std::vector<std::pair<Service, std::string>> names{{Service::Population, "administrasi_kependudukan"},
                                                             {Service::Letters, "surat_keterangan"},
                                                             {Service::Health, "kesehatan_posyandu"},
                                                             {Service::Library, "perpustakaan"},
                                                             {Service::Other, "lainnya"}};
    REQUIRE(names.size() == std::size(kServices));
    for (const auto& [service, name] : names) {
        CHECK(service_name(service) == name);
        CHECK(service_from_name(name) == service);
    }
    for (const char* bad : {"", "Perpustakaan", "perpustakaan ", "library", "kesehatan"}) CHECK_FALSE(service_from_name(bad));
}

TEST_CASE("evaluation validation: a table of drafts and their problems", "[evaluation]") {
    struct Case {
        const char* what;
        EvaluationDraft draft;
        std::vector<std::string> expected;  // "field:message_id"
        std::string comment_kept = {};      // the accepted comment when valid
    };
    const auto ok = [](std::string comment = {}) { return EvaluationDraft{Service::Health, 5, std::move(comment)}; };
    const std::vector<Case> cases{
        {"rating only", ok(), {}},
        {"every rating 1..5 is fine", EvaluationDraft{Service::Other, 1, ""}, {}},
        {"comment trimmed", ok("  Ramah sekali.\n "), {}, "Ramah sekali."},
        {"only spaces: no comment", ok(" \t\n "), {}, ""},
        {"emoji and right-to-left text", ok("Bagus 👍🏽 شكرا"), {}, "Bagus 👍🏽 شكرا"},
        {"500 characters", ok(repeat("é", 500)), {}, repeat("é", 500)},
        {"500 emoji (one code point each)", ok(repeat("🙂", 500)), {}, repeat("🙂", 500)},
        {"501 characters", ok(repeat("a", 501)), {"comment:evaluation.problem.comment.too_long"}},
        {"10,000 characters", ok(repeat("panjang ", 1250)), {"comment:evaluation.problem.comment.too_long"}},
        {"control character", ok("baik\x07"), {"comment:evaluation.problem.comment.control_character"}},
        {"escape sequence", ok("\x1b[2Jbaik"), {"comment:evaluation.problem.comment.control_character"}},
        {"bidi override", ok("baik \u202Ekiab"), {"comment:evaluation.problem.comment.bidi_control"}},
        {"invalid UTF-8", ok("baik \xC3\x28"), {"comment:evaluation.problem.comment.invalid"}},
        {"no service", EvaluationDraft{std::nullopt, 4, ""}, {"service:evaluation.problem.service.missing"}},
        {"no rating", EvaluationDraft{Service::Letters, std::nullopt, ""}, {"rating:evaluation.problem.rating.missing"}},
        {"rating 0", EvaluationDraft{Service::Letters, 0, ""}, {"rating:evaluation.problem.rating.range"}},
        {"rating 6", EvaluationDraft{Service::Letters, 6, ""}, {"rating:evaluation.problem.rating.range"}},
        {"rating -1", EvaluationDraft{Service::Letters, -1, ""}, {"rating:evaluation.problem.rating.range"}},
        {"everything wrong, in field order", EvaluationDraft{std::nullopt, std::nullopt, "\x01"},
         {"service:evaluation.problem.service.missing", "rating:evaluation.problem.rating.missing",
          "comment:evaluation.problem.comment.control_character"}},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto check = validate_evaluation(c.draft);
        std::vector<std::string> got;
        for (const auto& p : check.problems) got.push_back(p.field + ":" + p.message_id);
        CHECK(got == c.expected);
        CHECK(check.accepted.has_value() == c.expected.empty());
        if (check.accepted) {
            CHECK(check.accepted->comment == c.comment_kept);
            CHECK(check.accepted->rating == *c.draft.rating);
        }
    }
    CHECK(validate_evaluation(EvaluationDraft{Service::Health, 5, repeat("a", 501)}).problems.front().detail == "500");
}

TEST_CASE("an evaluation is one outbox record on the evaluations channel", "[evaluation]") {
    Kiosk k;
    const auto result = record_evaluation(k.db, {Service::Library, 4, "Bukunya lengkap."}, k.rules, kNow);
    REQUIRE(result.uuid);
    CHECK_FALSE(result.refused);
    CHECK(desa::sync::looks_like_uuid(*result.uuid));
    CHECK(k.outbox_rows() == 1);
    const auto record = desa::sync::find(k.db, *result.uuid);
    REQUIRE(record);
    CHECK(record->channel == "evaluations");
    CHECK(record->created_at == kNow);
    CHECK_FALSE(record->sent_at);
    const auto payload = nlohmann::json::parse(record->payload);
    CHECK(payload == nlohmann::json{{"id", *result.uuid},
                                    {"created_at", kNow},
                                    {"village_code", kVillage},
                                    {"service", "perpustakaan"},
                                    {"rating", 4},
                                    {"comment", "Bukunya lengkap."}});
    CHECK(desa::sync::pending(k.db, "evaluations", 10).size() == 1);
    CHECK(desa::sync::pending(k.db, "aspirations", 10).empty());
    // Nothing for tracking: an evaluation has no tracking code.
    CHECK(list(k.db).empty());
    // Append-only, like every outbox record.
    CHECK_THROWS(k.db.exec("UPDATE outbox SET payload = '{}'"));
    CHECK_THROWS(k.db.exec("DELETE FROM outbox"));
}

TEST_CASE("evaluations and aspirations share the per-minute limit", "[evaluation]") {
    Kiosk k;  // at most 3 a minute
    const Evaluation e{Service::Population, 3, ""};
    k.aspiration(kNow - 50, "Posyandu ditambah");
    k.aspiration(kNow - 10, "Posyandu sebulan dua kali");
    CHECK(submissions_last_minute(k.db, kNow) == 2);
    REQUIRE(record_evaluation(k.db, e, k.rules, kNow).uuid);
    const auto refused = record_evaluation(k.db, e, k.rules, kNow + 5);
    CHECK(refused.refused == EvaluationRefusal::RateLimited);
    CHECK_FALSE(refused.uuid);
    CHECK(k.outbox_rows() == 3);  // nothing written for the refused one
    // The first aspiration is older than a minute 11 s later: room for one more.
    CHECK(record_evaluation(k.db, e, k.rules, kNow + 11).uuid);
    CHECK(record_evaluation(k.db, e, k.rules, kNow + 12).refused);
    // Records "from the future" (the clock jumped back) do not block the kiosk.
    CHECK(submissions_last_minute(k.db, kNow - 3600) == 0);
    CHECK(record_evaluation(k.db, e, k.rules, kNow - 3600).uuid);
    // A limit of 1: the second in the same minute is refused.
    Kiosk strict;
    strict.rules.max_per_minute = 1;
    CHECK(record_evaluation(strict.db, e, strict.rules, kNow).uuid);
    CHECK(record_evaluation(strict.db, e, strict.rules, kNow + 59).refused);
    CHECK(record_evaluation(strict.db, e, strict.rules, kNow + 61).uuid);
}

TEST_CASE("the evaluation visit: refusals keep what was chosen, success clears it and says thanks", "[evaluation]") {
    Kiosk k;
    k.rules.max_per_minute = 1;
    QuickEvaluationVisit v;
    const desa::Millis t0{10'000};
    CHECK_FALSE(v.send(k.db, k.rules, kNow, t0));  // nothing chosen yet
    CHECK(v.problems.size() == 2);
    v.service = Service::Letters;
    v.rating = 5;
    v.comment.insert("Cepat \u202E");
    CHECK_FALSE(v.send(k.db, k.rules, kNow, t0));
    REQUIRE(v.problems.size() == 1);
    CHECK(v.problems[0].message_id == "evaluation.problem.comment.bidi_control");
    CHECK(v.comment.text == "Cepat \u202E");  // kept, to be corrected
    v.comment.backspace();
    CHECK(v.send(k.db, k.rules, kNow, t0));
    CHECK(v.thanked());
    CHECK(v.comment.empty());
    CHECK_FALSE(v.rating);
    CHECK_FALSE(v.due_home(t0 + desa::Millis{5'999}));
    CHECK(v.due_home(t0 + QuickEvaluationVisit::kThanksShownFor));
    CHECK(v.home_at() == t0 + QuickEvaluationVisit::kThanksShownFor);

    QuickEvaluationVisit next;  // the next resident, same minute: refused, choices kept
    next.service = Service::Health;
    next.rating = 2;
    next.comment.insert("Antre lama.");
    CHECK_FALSE(next.send(k.db, k.rules, kNow + 30, t0));
    CHECK(next.refused == EvaluationRefusal::RateLimited);
    CHECK(next.problems.empty());
    CHECK(next.rating == 2);
    CHECK(next.comment.text == "Antre lama.");
    CHECK_FALSE(next.thanked());
    CHECK(k.outbox_rows() == 1);
    CHECK(next.send(k.db, k.rules, kNow + 61, t0));
    CHECK_FALSE(next.refused);
}
