#include "app/aspiration_screenshots.hpp"

#include <algorithm>

namespace desa::kiosk {
namespace {

using aspirations::FormStep;

constexpr const char* kNames[] = {"aspirations-type",     "aspirations-category", "aspirations-text",
                                  "aspirations-photo",    "aspirations-identity", "aspirations-personal",
                                  "aspirations-review",   "aspirations-receipt"};

void fill_text(aspirations::AspirationForm& f) {
    f.choose_kind(aspirations::Kind::Evaluation);  // shows the rating faces too
    f.choose_category(aspirations::Category::PublicService);
    f.rating = 4;
    f.title.insert("Pelayanan KTP di balai desa");
    f.text.insert("Pengurusan KTP kemarin cepat dan petugasnya ramah. Mohon ruang tunggu diberi kipas angin "
                  "karena siang hari sangat panas.");
    f.dusun.insert("Dusun II");
    f.rt.insert("003");
    f.rw.insert("002");
}

void fill_personal(aspirations::AspirationForm& f) {
    f.choose_identity(aspirations::Identity::Confidential);
    f.name.insert("Siti Aminah");
    f.nik.insert("1801044505870003");
    f.phone.insert("081234567890");
    f.consent = true;
}

// A tiny stand-in for a camera picture (only its size and type are shown).
std::vector<std::uint8_t> demo_photo() {
    std::vector<std::uint8_t> bytes(38 * 1024, 0);
    const std::uint8_t png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::copy(std::begin(png), std::end(png), bytes.begin());
    return bytes;
}

}  // namespace

std::vector<std::string> aspiration_screenshot_names() { return {std::begin(kNames), std::end(kNames)}; }

bool prepare_aspiration_screenshot(session::KioskSession& session, std::string_view name) {
    if (std::find(std::begin(kNames), std::end(kNames), name) == std::end(kNames)) return false;
    auto& f = session.aspiration.form;
    f = {};
    if (name == "aspirations-category") {
        f.choose_kind(aspirations::Kind::Complaint);
        f.choose_category(aspirations::Category::Infrastructure);
        f.step = FormStep::Category;
    } else if (name == "aspirations-text") {
        fill_text(f);
        f.step = FormStep::Text;
    } else if (name == "aspirations-photo") {
        fill_text(f);
        f.photo = demo_photo();
        f.step = FormStep::Photo;
    } else if (name == "aspirations-identity") {
        fill_text(f);
        f.choose_identity(aspirations::Identity::Confidential);
        f.step = FormStep::Identity;
    } else if (name == "aspirations-personal") {
        // Typed but not finished: a NIK two digits short, its problem shown, the NIK masked.
        fill_text(f);
        fill_personal(f);
        f.nik.backspace();
        f.nik.backspace();
        f.consent = false;
        f.show_problems_of(FormStep::Personal);
        f.step = FormStep::Personal;
    } else if (name == "aspirations-review") {
        fill_text(f);
        f.photo = demo_photo();
        fill_personal(f);
        f.step = FormStep::Review;
    } else if (name == "aspirations-receipt") {
        aspirations::Receipt r;
        r.tracking_code = "7KQMA9XD4B2";
        r.kind = aspirations::Kind::Complaint;
        r.category = aspirations::Category::Infrastructure;
        r.identity = aspirations::Identity::Anonymous;
        r.title = "Jalan Dusun II berlubang";
        f.submitted({r, std::nullopt});
    }
    session.open(session::Screen::Aspirations);
    return true;
}

}  // namespace desa::kiosk
