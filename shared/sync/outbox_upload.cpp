#include "sync/outbox_upload.hpp"

#include <spdlog/spdlog.h>

#include "aspirations/aspiration_store.hpp"
#include "sync/gzip_body.hpp"
#include "sync/outbox.hpp"

namespace desa::sync {
namespace {

using nlohmann::json;

constexpr int kMaxBatchesPerCycle = 500;  // 100k records: the rest waits for the next cycle

std::string record_json(const OutgoingRecord& r) {
    return json{{"uuid", r.uuid}, {"channel", r.channel}, {"created_at", r.created_at}, {"payload", r.payload}}.dump();
}

std::vector<OutgoingRecord> pending_after(storage::Database& db, std::int64_t after_seq, std::size_t limit) {
    auto s = db.prepare(
        "SELECT seq, uuid, channel, created_at, payload FROM outbox WHERE sent_at IS NULL AND seq > ?1 "
        "ORDER BY seq LIMIT ?2");
    s.bind(1, after_seq).bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutgoingRecord> out;
    while (s.step()) out.push_back({s.column_int64(0), s.column_text(1), s.column_text(2), s.column_int64(3), s.column_text(4)});
    return out;
}

// The aspiration behind an outbox record, if it is one: its status becomes "sent".
std::optional<std::string> tracking_code_of(storage::Database& db, const std::string& uuid) {
    auto s = db.prepare("SELECT tracking_code FROM aspirations WHERE outbox_uuid = ?1");
    s.bind(1, uuid);
    if (!s.step()) return std::nullopt;
    return s.column_text(0);
}

}  // namespace

std::vector<Batch> make_batches(const std::vector<OutgoingRecord>& records, std::vector<OutgoingRecord>& too_large,
                                std::size_t max_records, std::size_t max_bytes) {
    constexpr std::string_view kHead = "{\"records\":[", kTail = "]}";
    std::vector<Batch> batches;
    Batch current;
    for (const auto& r : records) {
        const std::string item = record_json(r);
        if (kHead.size() + item.size() + kTail.size() > max_bytes) {
            too_large.push_back(r);
            continue;
        }
        const std::size_t with_item =
            (current.body.empty() ? kHead.size() : current.body.size() + 1) + item.size() + kTail.size();
        if (!current.records.empty() && (current.records.size() >= max_records || with_item > max_bytes)) {
            current.body += kTail;
            batches.push_back(std::move(current));
            current = {};
        }
        current.body += current.body.empty() ? std::string(kHead) : std::string(",");
        current.body += item;
        current.records.push_back(r);
    }
    if (!current.records.empty()) {
        current.body += kTail;
        batches.push_back(std::move(current));
    }
    return batches;
}

std::optional<std::vector<AckResult>> verify_ack(const HubResponse& response, const std::string& kiosk_id,
                                                 const Batch& batch, const SignPublicKey& province_key,
                                                 HubFailure& failure) {
    const auto body = json_object(response, failure);
    if (!body) return std::nullopt;
    const auto& j = *body;
    if (!j.contains("kiosk_id") || !j["kiosk_id"].is_string() || !j.contains("batch_sha256") ||
        !j["batch_sha256"].is_string() || !j.contains("results") || !j["results"].is_array() ||
        !j.contains("signature") || !j["signature"].is_string()) {
        failure = bad_answer("the acknowledgement lacks a field");
        return std::nullopt;
    }
    if (j["kiosk_id"].get<std::string>() != kiosk_id) {
        failure = bad_answer("the acknowledgement names another kiosk");
        return std::nullopt;
    }
    const std::string batch_sha = sha256_hex(batch.body);
    if (j["batch_sha256"].get<std::string>() != batch_sha) {
        failure = bad_answer("the acknowledgement names another batch");
        return std::nullopt;
    }
    const auto& list = j["results"];
    if (list.size() != batch.records.size()) {
        failure = bad_answer("the acknowledgement has " + std::to_string(list.size()) + " results for " +
                             std::to_string(batch.records.size()) + " records");
        return std::nullopt;
    }
    std::vector<AckResult> results;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& r = list[i];
        if (!r.is_object() || !r.contains("uuid") || !r["uuid"].is_string() || !r.contains("result") ||
            !r["result"].is_string() || r["uuid"].get<std::string>() != batch.records[i].uuid) {
            failure = bad_answer("result " + std::to_string(i) + " does not match the batch");
            return std::nullopt;
        }
        const auto result = r["result"].get<std::string>();
        if (result != "stored" && result != "duplicate" && result != "conflict") {
            failure = bad_answer("result " + std::to_string(i) + " is not stored, duplicate or conflict");
            return std::nullopt;
        }
        results.push_back({batch.records[i].uuid, result});
    }
    if (!verify_text(ack_text(kiosk_id, batch_sha, results), j["signature"].get<std::string>(), province_key)) {
        failure = bad_answer("the acknowledgement's signature does not verify");
        return std::nullopt;
    }
    return results;
}

UploadReport upload_outbox(SyncSession& s) {
    UploadReport report;
    std::int64_t cursor = 0;
    while (report.batches < kMaxBatchesPerCycle) {
        const auto records = pending_after(s.db, cursor, kBatchMaxRecords);
        if (records.empty()) break;
        cursor = records.back().seq;
        std::vector<OutgoingRecord> too_large;
        const auto batches = make_batches(records, too_large);
        for (const auto& r : too_large) {
            spdlog::warn("outbox record {} ({} bytes) is larger than a batch may be; it stays pending", r.uuid,
                         r.payload.size());
            report.too_large.push_back(r.uuid);
        }
        for (const auto& batch : batches) {
            HubRequest req;
            req.method = "POST";
            req.path = "/v1/outbox";
            req.content_type = "application/json";
            req.gzip = true;
            req.body = gzip_compress(batch.body);
            req.max_body = 256 * 1024;
            const auto answer = s.client.send(req);
            if (!answer.ok()) {
                report.failure = answer.failure;
                return report;
            }
            HubFailure bad;
            const auto results = verify_ack(*answer.response, s.identity.kiosk_id, batch, s.identity.province_sign_key, bad);
            if (!results) {
                report.failure = bad;
                return report;
            }
            ++report.batches;
            const std::int64_t now = s.now();
            storage::Transaction tx(s.db);
            for (const auto& r : *results) {
                if (r.result == "conflict") {
                    report.conflicts.push_back(r.uuid);
                    continue;
                }
                (r.result == "stored" ? report.stored : report.duplicates) += 1;
                mark_sent(s.db, r.uuid, now);
                if (const auto code = tracking_code_of(s.db, r.uuid))
                    aspirations::record_status(s.db, *code, aspirations::Status::Sent, now);
            }
            tx.commit();
        }
    }
    return report;
}

}  // namespace desa::sync
