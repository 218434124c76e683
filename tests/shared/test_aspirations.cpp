// Aspirations: the resident's rules as a table of drafts -> problems, and the store's promises:
// personal data sealed (unreadable to the kiosk, readable by the province), append-only, abuse
// limits, tracking.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "aspirations/aspiration_store.hpp"
#include "aspirations/evaluation.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"
#include "people_fixture.hpp"
#include "test_support.hpp"

using namespace desa::aspirations;
using desa::people::CivilDate;

namespace {

const desa::regions::RegionRegistry& districts() { return desa::test::indonesian_districts(); }
constexpr CivilDate kToday = desa::test::kTestToday;
constexpr std::int64_t kNow = 1'795'830'000;  // 2026-11-28

Draft good_anonymous() {
    Draft d;
    d.kind = Kind::Aspiration;
    d.category = Category::Infrastructure;
    d.title = "Jalan dusun rusak";
    d.text = "Jalan di Dusun II berlubang sejak musim hujan, mohon diperbaiki.";
    d.identity = Identity::Anonymous;
    return d;
}

Draft good_confidential() {
    Draft d = good_anonymous();
    d.identity = Identity::Confidential;
    d.name = "Siti Aminah";
    d.nik = "1801044505870003";
    d.phone = "0812-3456-7890";
    d.consent = true;
    return d;
}

std::vector<std::string> problems_of(const Draft& d) {
    std::vector<std::string> out;
    for (const auto& p : validate(d, districts(), kToday).problems)
        out.push_back(std::string(field_name(p.field)) + ":" + p.message_id);
    return out;
}

struct Store {
    desa::test::TempDir dir;
    desa::storage::Database db = desa::storage::open_kiosk_database(dir.path());
    desa::security::BoxKeyPair province = desa::security::make_box_key_pair();
    SubmitRules rules{"18.01.04.2001", province.public_key, 3};

    SubmitResult send(const Draft& d, std::int64_t at = kNow) {
        const auto v = validate(d, districts(), kToday);
        REQUIRE(v.accepted);
        return submit(db, *v.accepted, rules, at);
    }
};

}  // namespace

TEST_CASE("validate: a table of drafts and the problems they get", "[aspirations]") {
    struct Case {
        const char* what;
        std::function<void(Draft&)> change;
        std::vector<std::string> expected;
    };
    const std::string emoji_title = "Terima kasih 🙏🏽 posyandu";
    const std::vector<Case> cases{
        {"anonymous, complete", [](Draft&) {}, {}},
        {"no type or category", [](Draft& d) { d.kind.reset(); d.category.reset(); },
         {"type:aspiration.problem.type.missing", "category:aspiration.problem.category.missing"}},
        {"empty title", [](Draft& d) { d.title = "   "; }, {"title:aspiration.problem.title.empty"}},
        {"short title", [](Draft& d) { d.title = "Jln"; }, {"title:aspiration.problem.title.too_short"}},
        {"101-character title", [](Draft& d) { d.title = std::string(101, 'a'); }, {"title:aspiration.problem.title.too_long"}},
        {"title on two lines", [](Draft& d) { d.title = "Jalan\nrusak"; }, {"title:aspiration.problem.title.one_line"}},
        {"emoji count as one character each", [&](Draft& d) { d.title = emoji_title; }, {}},
        {"short text", [](Draft& d) { d.text = "Tolong"; }, {"text:aspiration.problem.text.too_short"}},
        {"2000 characters is the limit", [](Draft& d) { d.text = std::string(2000, 'x'); }, {}},
        {"2001 characters", [](Draft& d) { d.text = std::string(2001, 'x'); }, {"text:aspiration.problem.text.too_long"}},
        {"2000 two-byte characters", [](Draft& d) { d.text.clear(); for (int i = 0; i < 2000; ++i) d.text += "é"; }, {}},
        {"10,000 characters", [](Draft& d) { d.text = std::string(10000, 'x'); }, {"text:aspiration.problem.text.too_long"}},
        {"right-to-left script is fine", [](Draft& d) { d.text = "Mohon bantuan: بسم الله الرحمن الرحيم"; }, {}},
        {"bidi override", [](Draft& d) { d.text = "Jalan rusak \u202Eadanugn\u202C parah sekali"; },
         {"text:aspiration.problem.bidi_control"}},
        {"control character", [](Draft& d) { d.text = "Jalan rusak\x07 parah sekali"; },
         {"text:aspiration.problem.control_character"}},
        {"invalid UTF-8", [](Draft& d) { d.text = "Jalan rusak \xC3\x28 parah"; }, {"text:aspiration.problem.text_invalid"}},
        {"line breaks are fine", [](Draft& d) { d.text = "Baris satu.\nBaris dua.\r\nBaris tiga."; }, {}},
        {"RT and RW digits", [](Draft& d) { d.rt = "003"; d.rw = "12"; }, {}},
        {"RT letters, RW zero", [](Draft& d) { d.rt = "tiga"; d.rw = "000"; },
         {"rt:aspiration.problem.rt", "rw:aspiration.problem.rw"}},
        {"long dusun", [](Draft& d) { d.dusun = std::string(61, 'd'); }, {"dusun:aspiration.problem.dusun.too_long"}},
        {"evaluation needs a rating", [](Draft& d) { d.kind = Kind::Evaluation; }, {"rating:aspiration.problem.rating.missing"}},
        {"evaluation rating 6", [](Draft& d) { d.kind = Kind::Evaluation; d.rating = 6; },
         {"rating:aspiration.problem.rating.range"}},
        {"evaluation rating 4", [](Draft& d) { d.kind = Kind::Evaluation; d.rating = 4; }, {}},
        {"rating on a complaint", [](Draft& d) { d.kind = Kind::Complaint; d.rating = 2; },
         {"rating:aspiration.problem.rating.not_evaluation"}},
        {"photo that is not an image", [](Draft& d) { d.photo = {'G', 'I', 'F', '8'}; }, {"photo:aspiration.problem.photo.format"}},
        {"photo too large", [](Draft& d) { d.photo.assign(500 * 1024, 0); d.photo[0] = 0xFF; d.photo[1] = 0xD8; d.photo[2] = 0xFF; },
         {"photo:aspiration.problem.photo.too_large"}},
        {"no identity chosen", [](Draft& d) { d.identity.reset(); }, {"identity:aspiration.problem.identity.missing"}},
        {"anonymous with a name", [](Draft& d) { d.name = "Siti"; }, {"identity:aspiration.problem.identity.anonymous_with_data"}},
        {"confidential, complete", [](Draft& d) { d = good_confidential(); }, {}},
        {"confidential without consent", [](Draft& d) { d = good_confidential(); d.consent = false; },
         {"consent:aspiration.problem.consent"}},
        {"confidential, bad name, NIK and phone",
         [](Draft& d) { d = good_confidential(); d.name = "S"; d.nik = "1801043102870003"; d.phone = "+1 555 0100"; },
         {"name:name.problem.too_short", "nik:nik.problem.no_such_date", "phone:phone.problem.not_indonesian"}},
        {"named, empty personal fields", [](Draft& d) { d = good_confidential(); d.identity = Identity::Named; d.name = ""; d.nik = ""; d.phone = ""; },
         {"name:name.problem.empty", "nik:nik.problem.empty", "phone:phone.problem.empty"}},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        Draft d = good_anonymous();
        c.change(d);
        CHECK(problems_of(d) == c.expected);
    }
}

TEST_CASE("validate cleans what it accepts", "[aspirations]") {
    Draft d = good_confidential();
    d.title = "  Jalan dusun rusak \n";
    d.nik = "1801 0445 0587 0003";
    const auto v = validate(d, districts(), kToday);
    REQUIRE(v.accepted);
    CHECK(v.accepted->title == "Jalan dusun rusak");
    CHECK(v.accepted->nik == "1801044505870003");
    CHECK(v.accepted->phone == "+6281234567890");
}

TEST_CASE("submit seals personal data: the kiosk cannot read it, the province can", "[aspirations][privacy]") {
    Store s;
    const auto r = s.send(good_confidential());
    REQUIRE(r.receipt);
    CHECK(r.receipt->tracking_code.size() == 11);
    const auto record = desa::sync::find(s.db, r.receipt->uuid);
    REQUIRE(record);
    CHECK(record->channel == "aspirations");
    for (const char* personal : {"Siti", "Aminah", "1801044505870003", "6281234567890", "0812"})
        CHECK(record->payload.find(personal) == std::string::npos);
    const auto j = nlohmann::json::parse(record->payload);
    CHECK(j["tracking_code"] == r.receipt->tracking_code);
    CHECK(j["identity"] == "rahasia");
    const auto sealed = desa::security::from_base64(j["sealed_identity"].get<std::string>());
    REQUIRE(sealed);
    const auto opened = desa::security::open_sealed(*sealed, s.province);
    REQUIRE(opened);
    const auto identity = nlohmann::json::parse(*opened);
    CHECK(identity["name"] == "Siti Aminah");
    CHECK(identity["nik"] == "1801044505870003");
    CHECK(identity["phone"] == "+6281234567890");
    CHECK_FALSE(desa::security::open_sealed(*sealed, desa::security::make_box_key_pair()).has_value());

    // Nor anywhere in the database files.
    s.db.exec("PRAGMA wal_checkpoint(FULL)");
    const std::string bytes = desa::test::read_file(s.dir / "kiosk.db");
    CHECK(bytes.find("Aminah") == std::string::npos);
    CHECK(bytes.find("1801044505870003") == std::string::npos);
}

TEST_CASE("an anonymous submission keeps nothing personal", "[aspirations][privacy]") {
    Store s;
    const auto r = s.send(good_anonymous());
    REQUIRE(r.receipt);
    const auto j = nlohmann::json::parse(desa::sync::find(s.db, r.receipt->uuid)->payload);
    CHECK(j["sealed_identity"].is_null());
    CHECK(j["identity"] == "anonim");
}

TEST_CASE("without a province key only anonymous text is accepted", "[aspirations][privacy]") {
    Store s;
    s.rules.province.reset();
    CHECK(s.send(good_confidential()).problem == SubmitProblem::NoProvinceKey);
    Draft with_photo = good_anonymous();
    with_photo.photo = {0xFF, 0xD8, 0xFF, 0xE0};
    CHECK(s.send(with_photo).problem == SubmitProblem::NoProvinceKey);
    CHECK(s.send(good_anonymous()).receipt.has_value());
}

TEST_CASE("abuse limits: per minute, exact duplicates within a day", "[aspirations]") {
    Store s;
    auto draft = [](int i) { Draft d = good_anonymous(); d.title += " " + std::to_string(i); return d; };
    CHECK(s.send(draft(1), kNow).receipt);
    CHECK(s.send(draft(2), kNow + 10).receipt);
    CHECK(s.send(draft(3), kNow + 20).receipt);
    CHECK(s.send(draft(4), kNow + 30).problem == SubmitProblem::RateLimited);
    CHECK(s.send(draft(4), kNow + 61).receipt);  // the first one left the minute
    // The same text again: refused for a day, accepted after.
    CHECK(s.send(draft(1), kNow + 3600).problem == SubmitProblem::Duplicate);
    CHECK(s.send(draft(1), kNow + 25 * 3600).receipt);
    // A clock thrown back to 1970 is not "rate limited until 2026".
    CHECK(s.send(draft(9), 60).receipt);
    CHECK(desa::sync::count_pending(s.db) == 6);
}

TEST_CASE("abuse limits: evaluations and aspirations share the limit per minute", "[aspirations]") {
    Store s;
    const EvaluationRules rules{};  // the same 3 per minute as SubmitRules
    REQUIRE(record_evaluation(s.db, {Service::Library, 5, ""}, rules, kNow).uuid);
    REQUIRE(record_evaluation(s.db, {Service::Letters, 4, ""}, rules, kNow + 1).uuid);
    CHECK(s.send(good_anonymous(), kNow + 2).receipt);
    // Three in the minute, whatever their kind: the next of either kind waits.
    Draft another = good_anonymous();
    another.title += " lagi";
    CHECK(s.send(another, kNow + 3).problem == SubmitProblem::RateLimited);
    CHECK(record_evaluation(s.db, {Service::Library, 3, ""}, rules, kNow + 4).refused);
    CHECK(s.send(another, kNow + 61).receipt);
}

TEST_CASE("submissions are append-only", "[aspirations]") {
    Store s;
    const auto r = s.send(good_anonymous());
    REQUIRE(r.receipt);
    CHECK_THROWS(s.db.exec("UPDATE aspirations SET title = 'ubah' WHERE 1"));
    CHECK_THROWS(s.db.exec("UPDATE outbox SET payload = '{}' WHERE 1"));
    CHECK_THROWS(s.db.exec("DELETE FROM outbox"));
    desa::sync::mark_sent(s.db, r.receipt->uuid, kNow + 5);  // the only change allowed
    CHECK(desa::sync::find(s.db, r.receipt->uuid)->sent_at == kNow + 5);
}

TEST_CASE("tracking: typed codes, timeline in workflow order", "[aspirations]") {
    Store s;
    const auto r = s.send(good_anonymous());
    REQUIRE(r.receipt);
    const std::string code = r.receipt->tracking_code;
    std::string typed = display_tracking_code(code);
    for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto t = track(s.db, typed);
    REQUIRE(t);
    REQUIRE(t->timeline.size() == 1);
    CHECK(t->timeline[0].status == Status::Received);
    record_status(s.db, code, Status::Answered, kNow + 500, "Perbaikan dijadwalkan bulan depan.");
    record_status(s.db, code, Status::Sent, kNow + 100);
    record_status(s.db, code, Status::Sent, kNow + 999);  // repeated: the first time stays
    t = track(s.db, code);
    REQUIRE(t->timeline.size() == 3);
    CHECK(t->timeline[1].status == Status::Sent);
    CHECK(t->timeline[1].at == kNow + 100);
    CHECK(t->timeline[2].answer == "Perbaikan dijadwalkan bulan depan.");
    CHECK_FALSE(track(s.db, "2222-2222-222").has_value());  // well-formed, unknown
    CHECK_FALSE(track(s.db, "' OR 1=1 --").has_value());
    CHECK(list(s.db).size() == 1);
}
