// Named screenshot states of the follow-up screens: sample data in the session only, never in
// the database (a screenshot must not leave a submission behind).
#include "screens/follow_up_screens.hpp"

namespace desa::kiosk {
namespace {

aspirations::Summary sample_summary() {
    using aspirations::Status;
    constexpr std::int64_t kSent = 1'764'590'400;  // 2025-12-01, a fixed day like ManualClock's
    aspirations::Summary s;
    s.tracking_code = "7KQMA9XD4B2";
    s.created_at = kSent;
    s.kind = aspirations::Kind::Complaint;
    s.category = aspirations::Category::Infrastructure;
    s.identity = aspirations::Identity::Confidential;
    s.title = "Jalan Dusun II berlubang";
    s.timeline = {{Status::Received, kSent, {}},
                  {Status::Sent, kSent + 600, {}},
                  {Status::Verified, kSent + 86'400, {}},
                  {Status::Forwarded, kSent + 2 * 86'400, {}},
                  {Status::Answered, kSent + 5 * 86'400,
                   "Perbaikan jalan Dusun II dijadwalkan pada bulan Maret bersama dana desa. Terima kasih atas laporannya."}};
    return s;
}

}  // namespace

std::vector<std::string> follow_up_screenshot_names() {
    return {"aspiration-track-timeline", "evaluation-chosen", "evaluation-thanks"};
}

bool prepare_follow_up_screenshot(std::string_view name, session::KioskSession& session, Millis now) {
    if (name == "aspiration-track-timeline") {
        session.open(session::Screen::AspirationTrack);
        auto& t = session.aspiration.tracking;
        t.code.insert("7KQM-A9XD-4B2");
        t.found = sample_summary();
        return true;
    }
    if (name == "evaluation-chosen" || name == "evaluation-thanks") {
        open_quick_evaluation(session, aspirations::Service::Letters);
        auto& e = session.aspiration.evaluation;
        e.rating = 4;
        e.comment.insert("Pelayanan cepat, petugas ramah.");
        if (name == "evaluation-thanks") {
            e.comment.clear();
            e.thanked_at = now;
        }
        return true;
    }
    return false;
}

}  // namespace desa::kiosk
