#include "aspirations/follow_up.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/readable_code.hpp"
#include "scan/barcode_scan.hpp"
#include "scan/camera.hpp"
#include "sync/outbox.hpp"

namespace desa::aspirations {
namespace {

bool village_code_shape(std::string_view v) {  // "18.01.04.2001": PP.KK.CC.DDDD
    if (v.size() != 13) return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const bool dot = i == 2 || i == 5 || i == 8;
        if (dot ? v[i] != '.' : (v[i] < '0' || v[i] > '9')) return false;
    }
    return true;
}

std::string_view trim_ends(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

LookupProblem from_code_problem(readable_code::Problem p) {
    switch (p) {
        case readable_code::Problem::Empty: return LookupProblem::Empty;
        case readable_code::Problem::BadCharacter: return LookupProblem::BadCharacter;
        case readable_code::Problem::WrongLength: return LookupProblem::WrongLength;
        case readable_code::Problem::CheckFailed: return LookupProblem::Typo;
    }
    return LookupProblem::Empty;
}

}  // namespace

std::string receipt_qr_text(std::string_view village_code, std::string_view tracking_code) {
    return std::string(kReceiptQrPrefix) + std::string(village_code) + ":" + std::string(tracking_code);
}

ReceiptQrParse parse_receipt_qr(std::string_view text) {
    ReceiptQrParse out;
    if (!text.starts_with(kReceiptQrPrefix)) return out;
    out.is_receipt = true;
    const std::string_view rest = text.substr(kReceiptQrPrefix.size());
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos || !village_code_shape(rest.substr(0, colon))) return out;
    // Written by a kiosk: exactly the canonical code, nothing to tolerate.
    const std::string_view code_text = rest.substr(colon + 1);
    const auto code = readable_code::check(code_text, kTrackingCodeLength);
    if (!code.code || *code.code != code_text) return out;
    out.receipt = ReceiptQr{std::string(rest.substr(0, colon)), *code.code};
    return out;
}

std::string_view lookup_problem_name(LookupProblem p) {
    switch (p) {
        case LookupProblem::Empty: return "empty";
        case LookupProblem::BadCharacter: return "bad_character";
        case LookupProblem::WrongLength: return "wrong_length";
        case LookupProblem::Typo: return "typo";
        case LookupProblem::Unknown: return "unknown";
        case LookupProblem::OtherVillage: return "other_village";
        case LookupProblem::DamagedQr: return "damaged_qr";
    }
    return "empty";
}

std::string format_day_time(std::int64_t unix_seconds) {
    const auto t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    if (localtime_r(&t, &local) == nullptr) return "?";
    char text[64];
    std::snprintf(text, sizeof text, "%02d-%02d-%04d %02d:%02d", local.tm_mday, local.tm_mon + 1, local.tm_year + 1900,
                  local.tm_hour, local.tm_min);
    return text;
}

std::optional<Summary> track_with_outbox(storage::Database& db, std::string_view tracking_code) {
    auto summary = track(db, tracking_code);
    if (!summary) return summary;
    const bool has_sent = std::any_of(summary->timeline.begin(), summary->timeline.end(),
                                      [](const StatusStep& s) { return s.status == Status::Sent; });
    if (has_sent) return summary;
    auto q = db.prepare("SELECT outbox_uuid FROM aspirations WHERE tracking_code = ?1");
    q.bind(1, summary->tracking_code);
    if (!q.step()) return summary;
    const auto record = sync::find(db, q.column_text(0));
    if (record && record->sent_at) {
        auto& t = summary->timeline;
        // Right after "received", before whatever the hub reported.
        t.insert(std::find_if(t.begin(), t.end(), [](const StatusStep& s) { return s.status > Status::Sent; }),
                 StatusStep{Status::Sent, *record->sent_at, {}});
    }
    return summary;
}

namespace {

// Looks `typed` up (a code as typed, or a receipt's whole QR text) into `t`'s result.
void resolve(TrackingLookup& t, storage::Database& db, std::string_view typed, std::string_view own_village_code) {
    auto& found = t.found;
    auto& problem = t.problem;
    found.reset();
    problem.reset();
    t.other_village_code.clear();
    const std::string_view text = trim_ends(typed);
    std::string canonical;
    if (const auto qr = parse_receipt_qr(text); qr.is_receipt) {
        if (!qr.receipt) {
            problem = LookupProblem::DamagedQr;
            return;
        }
        if (qr.receipt->village_code != own_village_code) {
            problem = LookupProblem::OtherVillage;
            t.other_village_code = qr.receipt->village_code;
            return;
        }
        canonical = qr.receipt->tracking_code;
    } else {
        const auto checked = readable_code::check(text, kTrackingCodeLength);
        if (!checked.code) {
            problem = from_code_problem(*checked.problem);
            return;
        }
        canonical = *checked.code;
    }
    found = track_with_outbox(db, canonical);
    if (!found) problem = LookupProblem::Unknown;
}

}  // namespace

void TrackingLookup::look_up(storage::Database& db, std::string_view own_village_code) {
    resolve(*this, db, code.text, own_village_code);
}

ScanResult TrackingLookup::scan(scan::Camera* camera, storage::Database& db, std::string_view own_village_code) {
    const auto result = [this](ScanResult r) {
        last_scan = r;
        return r;
    };
    if (camera == nullptr) return result(ScanResult::NoCamera);
    const auto frame = camera->next_frame();
    if (!frame) return result(ScanResult::NoPicture);
    const auto codes = scan::read_codes(*frame);
    if (codes.empty()) return result(ScanResult::NoCode);
    for (const auto& c : codes) {
        const auto qr = parse_receipt_qr(c.text);
        if (!qr.is_receipt) continue;
        // The field shows the code as printed on the receipt when the QR is sound; else the whole
        // text, so what was read is visible.
        resolve(*this, db, c.text, own_village_code);
        code.clear();
        code.insert(qr.receipt && qr.receipt->village_code == own_village_code ? display_tracking_code(qr.receipt->tracking_code) : c.text);
        return result(ScanResult::Read);
    }
    return result(ScanResult::NotReceipt);
}

bool QuickEvaluationVisit::send(storage::Database& db, const EvaluationRules& rules, std::int64_t unix_now, Millis now) {
    refused.reset();
    const auto check = validate_evaluation({service, rating, comment.text});
    problems = check.problems;
    if (!check.accepted) return false;
    const auto result = record_evaluation(db, *check.accepted, rules, unix_now);
    if (!result.uuid) {
        refused = result.refused;
        return false;
    }
    // Nothing of the comment stays in memory once it is stored.
    comment.clear();
    rating.reset();
    thanked_at = now;
    return true;
}

}  // namespace desa::aspirations
