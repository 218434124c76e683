#pragma once
// After a submission: the receipt's QR text, looking a submission up by its tracking code (typed or
// scanned from the receipt), and the quick service evaluation's per-visit state. The per-visit
// models live in the session (KioskSession::aspiration) and are reset by assignment on idle wipe.
#include <optional>
#include <string>
#include <string_view>

#include "aspirations/aspiration_store.hpp"
#include "aspirations/evaluation.hpp"
#include "core/clock.hpp"
#include "session/text_field.hpp"

namespace desa::scan {
struct Camera;
}

namespace desa::aspirations {

// The receipt's QR code: "DESA-ASPIRASI:<village code>:<canonical tracking code>", e.g.
// "DESA-ASPIRASI:18.01.04.2001:7KQMA9XD4B2". The village code tells a receipt from another
// village's kiosk apart from an unknown code. Nothing personal is in it; the tracking code itself
// is the unguessable key, so a forged QR can only name a code this kiosk does not know.
inline constexpr std::string_view kReceiptQrPrefix = "DESA-ASPIRASI:";
std::string receipt_qr_text(std::string_view village_code, std::string_view tracking_code);

struct ReceiptQr {
    std::string village_code;   // "18.01.04.2001"
    std::string tracking_code;  // canonical, check character verified
};
struct ReceiptQrParse {
    bool is_receipt = false;          // the text starts with kReceiptQrPrefix
    std::optional<ReceiptQr> receipt; // unset when is_receipt but the rest is damaged
};
ReceiptQrParse parse_receipt_qr(std::string_view text);

// Why a lookup found nothing, each with its own message for the resident.
enum class LookupProblem {
    Empty,          // nothing typed
    BadCharacter,   // a character codes never use (O, 0, I, 1, L, punctuation)
    WrongLength,    // not 11 characters once spaces and dashes are removed
    Typo,           // the check character does not match
    Unknown,        // a well-formed code this kiosk has no record of
    OtherVillage,   // a receipt QR of another village's kiosk
    DamagedQr,      // starts like a receipt QR but is not one
};
std::string_view lookup_problem_name(LookupProblem);  // "empty", "bad_character", ..., "damaged_qr"

enum class ScanResult { NoCamera, NoPicture, NoCode, NotReceipt, Read };

// The track screen's state: the code as typed (or scanned) and what the last lookup found.
struct TrackingLookup {
    // Room for a whole receipt QR text typed by a USB scanner (about 40 characters).
    session::TextField code{session::FieldKind::Text, 64, {}};
    std::optional<Summary> found;
    std::optional<LookupProblem> problem;
    std::string other_village_code;  // with OtherVillage: whose receipt it is
    std::optional<ScanResult> last_scan;

    // Looks up what `code` holds: a tracking code (any case, with or without dashes/spaces) or a
    // whole receipt QR text. The typed text stays in the field whatever the outcome.
    void look_up(storage::Database& db, std::string_view own_village_code);
    // Reads the camera's next picture; a receipt QR is put into the field and looked up.
    ScanResult scan(scan::Camera* camera, storage::Database& db, std::string_view own_village_code);
};

// "05-12-2026 14:30", local time: the timeline's and the receipt's dates.
std::string format_day_time(std::int64_t unix_seconds);

// track(), plus what the outbox knows: "sent" once the hub acknowledged the record, even before
// the hub's own statuses arrive.
std::optional<Summary> track_with_outbox(storage::Database& db, std::string_view tracking_code);

// The quick evaluation's state: the chosen service, the rating tapped, an optional comment, and
// when the thank-you was shown (the screen returns home a few seconds later).
struct QuickEvaluationVisit {
    std::optional<Service> service;
    bool service_from_ticket = false;  // opened for a served queue ticket: the service is given
    std::optional<int> rating;
    session::TextField comment{session::FieldKind::Text, kEvaluationCommentMax, {}};
    std::vector<EvaluationProblem> problems;
    std::optional<EvaluationRefusal> refused;
    std::optional<Millis> thanked_at;  // monotonic time of the thank-you; unset before

    static constexpr Millis kThanksShownFor{6'000};
    bool thanked() const { return thanked_at.has_value(); }
    bool due_home(Millis now) const { return thanked_at && now - *thanked_at >= kThanksShownFor; }
    std::optional<Millis> home_at() const {
        return thanked_at ? std::optional<Millis>(*thanked_at + kThanksShownFor) : std::nullopt;
    }

    // Validates and records; on success the thank-you is shown from `now` and the form is cleared
    // (nothing typed stays in memory). On failure everything typed stays.
    bool send(storage::Database& db, const EvaluationRules& rules, std::int64_t unix_now, Millis now);
};

}  // namespace desa::aspirations
