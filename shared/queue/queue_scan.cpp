#include "queue/queue_scan.hpp"

#include "queue/ticket_qr.hpp"

namespace desa::queue {

namespace {

scan::Verdict to_scan(QrVerdict v) {
    switch (v) {
        case QrVerdict::Valid: return scan::Verdict::Valid;
        case QrVerdict::Forged: return scan::Verdict::Forged;
        case QrVerdict::Expired: return scan::Verdict::Expired;
        case QrVerdict::TooEarly: return scan::Verdict::TooEarly;
        case QrVerdict::OtherVillage: return scan::Verdict::OtherVillage;
        case QrVerdict::Unknown: break;
    }
    return scan::Verdict::Unknown;
}

}  // namespace

void judge_queue_code(scan::ScannedCode& code, const QueueCodeKeys& keys, std::int64_t now) {
    if (code.kind == scan::CodeKind::Ticket) {
        // Any of the kiosk's keys may have signed it; the first verdict other than Forged wins.
        QrVerdict best = keys.kiosk_keys.empty() ? QrVerdict::Unknown : QrVerdict::Forged;
        for (const auto& key : keys.kiosk_keys) {
            const auto check = verify_ticket_qr(code.text, key, local_date(now, keys.utc_offset_s), keys.village_code);
            if (check.verdict == QrVerdict::Forged) continue;
            best = check.verdict;
            if (check.ticket) code.value = check.ticket->number;
            break;
        }
        code.verdict = to_scan(best);
    } else if (code.kind == scan::CodeKind::Appointment) {
        if (!keys.province_key) {
            code.verdict = scan::Verdict::Unknown;
            return;
        }
        const auto check = verify_appointment_qr(code.text, *keys.province_key, now, keys.village_code);
        code.verdict = to_scan(check.verdict);
        if (check.appointment) code.value = check.appointment->appointment_id;
    }
}

}  // namespace desa::queue
