#pragma once
// Up: pending outbox records in gzip batches (≤ 200 records, ≤ 1 MiB before compression), each
// marked sent only on the hub's signed acknowledgement naming this batch and the record as stored
// or duplicate (docs/sync-protocol.md "Up: the outbox").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/hub_client.hpp"
#include "sync/protocol.hpp"
#include "sync/sync_session.hpp"

namespace desa::sync {

inline constexpr std::size_t kBatchMaxRecords = 200;
inline constexpr std::size_t kBatchMaxBytes = 1u << 20;

struct OutgoingRecord {
    std::int64_t seq = 0;
    std::string uuid, channel;
    std::int64_t created_at = 0;
    std::string payload;
};

struct Batch {
    std::vector<OutgoingRecord> records;
    std::string body;  // {"records": [...]}, uncompressed
};
// Batches of the records given (in order), within both limits. A record too large to fit even
// alone goes to `too_large` instead: it can never be accepted and must not block the others.
std::vector<Batch> make_batches(const std::vector<OutgoingRecord>& records, std::vector<OutgoingRecord>& too_large,
                                std::size_t max_records = kBatchMaxRecords, std::size_t max_bytes = kBatchMaxBytes);

// Checks the hub's answer to `batch`: a JSON object with this kiosk id, the batch's SHA-256, one
// result per record in request order (stored/duplicate/conflict) and a signature by the pinned
// province key over ack_text. nullopt and `failure` (a BadAnswer) otherwise.
std::optional<std::vector<AckResult>> verify_ack(const HubResponse& response, const std::string& kiosk_id,
                                                 const Batch& batch, const SignPublicKey& province_key,
                                                 HubFailure& failure);

struct UploadReport {
    int batches = 0;
    int stored = 0;
    int duplicates = 0;
    std::vector<std::string> conflicts;  // uuids the hub holds with other content
    std::vector<std::string> too_large;  // uuids that cannot fit a batch
    std::optional<HubFailure> failure;   // the cycle's upload stopped here
};

UploadReport upload_outbox(SyncSession& session);

}  // namespace desa::sync
