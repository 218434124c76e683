// The lesson screens in the real app: the learner card on screen is a QR that ZXing reads back;
// a course completed on this card gives a certificate whose on-screen QR verifies (signed by this
// kiosk); a card typed at another visit resumes the saved position; the idle timeout wipes the
// learner; espeak-ng speech reaches the audio output; a bad USB package is refused with every
// problem while the courses stay.
#include <catch2/catch.hpp>

#include <thread>

#include "../shared/lesson_fixture.hpp"
#include "../shared/test_support.hpp"
#include "app/headless.hpp"
#include "app/lesson_reader.hpp"
#include "app/script_runner.hpp"
#include "kiosk_fixture.hpp"
#include "lessons/certificate.hpp"
#include "lessons/learner_card.hpp"
#include "lessons/progress_store.hpp"
#include "queue/kiosk_key.hpp"
#include "scan/barcode_scan.hpp"

using namespace desa;
using namespace desa::kiosk;
namespace fs = std::filesystem;

namespace {

void run(KioskContext& ctx, const std::string& script, const std::optional<fs::path>& shots = std::nullopt) {
    const auto parse = parse_script(script);
    REQUIRE(parse.errors.empty());
    const auto result = run_script(ctx, parse.steps, {{1280, 800}, shots, {}});
    INFO(result.failure);
    REQUIRE(result.passed);
}

std::vector<scan::ScannedCode> codes_in(const fs::path& png) {
    std::string error;
    const auto image = scan::load_image(png, error);
    REQUIRE(image);
    return scan::read_codes(*image);
}

// Every lesson of the starter course mastered by `learner` but `except`.
void master_all_but(KioskContext& ctx, const std::string& learner, const std::string& except) {
    const auto& course = *ctx.courses.find("literasi-digital");
    for (const auto& lesson : course.lessons) {
        if (lesson.id == except) continue;
        std::vector<lessons::RoundAnswer> answers;
        for (int i = 0; i < lesson.mastery.n; ++i) answers.push_back({lesson.quiz[static_cast<std::size_t>(i)].id, true});
        lessons::record_round(ctx.db, learner, course, lesson, answers, 1'764'554'400);
    }
}

}  // namespace

TEST_CASE("the learner card on screen is a QR that ZXing reads back", "[lesson_screens]") {
    test::DemoKiosk kiosk;
    test::TempDir out;
    const auto result = render_screenshot(*kiosk.ctx, {"lesson-card-new", {1280, 800}, i18n::Language::Indonesian, false, false},
                                          {}, out / "card.png");
    CHECK(result.overflows.empty());
    const auto codes = codes_in(out / "card.png");
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].kind == scan::CodeKind::LearnerCard);
    CHECK(codes[0].verdict == scan::Verdict::Valid);
    CHECK(lessons::is_learner_code(codes[0].value));
}

TEST_CASE("a completed course gives a certificate whose QR verifies offline", "[lesson_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    test::TempDir shots;
    const std::string learner = lessons::create_learner(ctx.db, 1'764'554'400);
    master_all_but(ctx, learner, "");
    run(ctx, R"S(
tap #home.tile.lessons
tap #lessons.card.have
expect screen lesson-card
tap #lessons.card.code
type ")S" + lessons::learner_code_display(learner) + R"S("
tap #lessons.card.use
expect screen lessons
expect text "Semua pelajaran kursus ini sudah Anda kuasai"
tap #lessons.certificate.open.literasi-digital
expect screen lesson-certificate
tap #lessons.certificate.issue
expect text "Nama di sertifikat"
tap #lessons.certificate.name
type "Ibu Sari"
tap #lessons.certificate.issue
expect text "Ibu Sari"
screenshot certificate
)S", shots.path());
    const auto codes = codes_in(shots / "certificate.png");
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].kind == scan::CodeKind::Certificate);
    const auto check = lessons::verify_certificate(codes[0].text, std::nullopt, queue::ticket_verify_keys(ctx.data_dir));
    CHECK(check.verdict == lessons::CertificateVerdict::Valid);
    CHECK(check.issued_here);
    REQUIRE(check.certificate);
    CHECK(check.certificate->display_name == "Ibu Sari");
    CHECK(check.certificate->learner_code == learner);
    CHECK(check.certificate->village_code == ctx.config.village_code);
    // The name is on paper only: kiosk.db knows that a certificate was issued, not to whom.
    auto st = ctx.db.prepare("SELECT count(*) FROM lesson_certificates WHERE learner = ?");
    st.bind(1, learner);
    REQUIRE(st.step());
    CHECK(st.column_int64(0) == 1);
    CHECK(test::read_file(ctx.data_dir / "kiosk.db").find("Ibu Sari") == std::string::npos);
}

TEST_CASE("a card typed at a later visit resumes where the learner stopped and idle wipes it", "[lesson_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    const std::string learner = lessons::create_learner(ctx.db, 1'764'554'400);
    lessons::record_position(ctx.db, learner, "literasi-digital", "kata-sandi", 3, 1'764'554'400);
    run(ctx, R"S(
tap #home.tile.lessons
tap #lessons.card.have
tap #lessons.card.code
type "AAA-AAA-AAA"
tap #lessons.card.use
expect text "Kode itu tidak cocok"
expect screen lesson-card
tap #lessons.card.code
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
type ")S" + learner + R"S("
tap #lessons.card.use
expect screen lessons
expect text "Sedang belajar: langkah 4 dari 7"
drag #lessons.area -500
tap #lessons.lesson.kata-sandi
expect screen lesson-step
expect text "Langkah 4 dari 7"
advance 100s
expect screen home
tap #home.tile.lessons
expect text "Baru pertama kali?"
)S");
}

TEST_CASE("read aloud: espeak-ng speech reaches the audio output and a slower speed lasts longer", "[lesson_screens]") {
    auto recorder = std::make_shared<RecordingAudioOut>();
    std::atomic<int> wakes{0};
    LessonReader reader([&] { ++wakes; }, [recorder](std::string&) -> std::unique_ptr<AudioOut> {
        struct Forward final : AudioOut {
            std::shared_ptr<RecordingAudioOut> to;
            bool play(const voice::Pcm& pcm) override { return to->play(pcm); }
            double queued_seconds() const override { return 0; }
        };
        auto out = std::make_unique<Forward>();
        out->to = recorder;
        return out;
    });
    reader.speak("Internet adalah jaringan yang menghubungkan ponsel dan komputer di seluruh dunia.", 150);
    for (int i = 0; i < 200 && reader.requests_played() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(reader.requests_played() == 1);
    const auto played = recorder->played();
    REQUIRE(played.size() == 1);
    CHECK(played[0].seconds() > 2.0);  // a sentence of eleven words, spoken
    CHECK(reader.last_error().empty());
    CHECK(wakes > 0);
    // Slower speech of the same words lasts longer.
    reader.speak("Internet adalah jaringan yang menghubungkan ponsel dan komputer di seluruh dunia.", 110);
    for (int i = 0; i < 200 && reader.requests_played() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(recorder->played().size() == 2);
    CHECK(recorder->played()[1].seconds() > played[0].seconds() * 1.15);
}

TEST_CASE("a bad package on the USB stick is refused with every problem and the courses stay", "[lesson_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    test::TempDir usb;
    test::write_fixture_package(usb / "stick/kursus-rusak", 1);
    fs::remove(usb / "stick/kursus-rusak/lessons/dua.json");
    test::write_fixture_package(usb / "stick/kursus-baik", 1);
    ctx.usb_roots = {usb.path()};
    const auto before = ctx.courses.courses.size();
    run(ctx, R"S(
tap #header.village
tap #header.village
tap #header.village
tap #header.village
tap #header.village
type "246810"
tap "Masuk"
tap #admin.lessons
expect screen lesson-admin
expect text "kursus-rusak"
tap #lessons.admin.package.1
expect text "tidak dipasang"
expect text "lessons/dua.json"
tap #lessons.admin.package.0
expect text "Terpasang: kursus-uji versi 1"
)S");
    CHECK(ctx.courses.courses.size() == before + 1);
    CHECK(ctx.courses.find("kursus-uji"));
}
