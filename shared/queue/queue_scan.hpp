#pragma once
// Judging a scanned queue code (scan/barcode_scan classifies it as ticket or appointment with
// verdict Unknown) with the keys this kiosk has. A ticket is checked against the kiosk's ticket
// keys (queue/kiosk_key); without any it stays Unknown. An appointment needs the province's sign
// key pinned at enrolment: a kiosk not enrolled says Unknown rather than guessing valid or forged.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scan/barcode_scan.hpp"
#include "sync/protocol.hpp"

namespace desa::queue {

struct QueueCodeKeys {
    std::vector<sync::SignPublicKey> kiosk_keys;        // ticket_verify_keys()
    std::optional<sync::SignPublicKey> province_key;  // sync::load_identity()->province_sign_key
    std::string village_code;
    int utc_offset_s = 7 * 3600;
};

// Sets code.verdict (and code.value: the ticket number or appointment id) for ticket and
// appointment codes; other codes are left as they are.
void judge_queue_code(scan::ScannedCode& code, const QueueCodeKeys& keys, std::int64_t now);

}  // namespace desa::queue
