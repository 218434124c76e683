#include "sync/status_updates.hpp"

#include <spdlog/spdlog.h>

#include "aspirations/aspiration_store.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {
namespace {

using nlohmann::json;

constexpr int kMaxPagesPerCycle = 20;
constexpr std::size_t kMaxNoteBytes = 16 * 1024;

// "7KQM-A9XD-4B2" or "7kqma9xd4b2" -> "7KQMA9XD4B2", as the kiosk stores it.
std::string canonical_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

bool known_aspiration(storage::Database& db, const std::string& code) {
    auto s = db.prepare("SELECT 1 FROM aspirations WHERE tracking_code = ?1");
    s.bind(1, code);
    return s.step();
}

// One token of the signed text: no spaces or line breaks may hide in it.
bool is_token(const std::string& s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (char c : s)
        if (c <= ' ' || c == 0x7f) return false;
    return true;
}

}  // namespace

std::optional<std::vector<StatusUpdate>> verify_updates(const HubResponse& response, const std::string& kiosk_id,
                                                        std::int64_t after, const SignPublicKey& province_key,
                                                        HubFailure& failure) {
    const auto body = json_object(response, failure);
    if (!body) return std::nullopt;
    const auto& j = *body;
    if (!j.contains("updates") || !j["updates"].is_array() || !j.contains("signature") || !j["signature"].is_string()) {
        failure = bad_answer("the status updates lack a field");
        return std::nullopt;
    }
    if (j["updates"].size() > kMaxUpdatesPerAnswer) {
        failure = bad_answer("more status updates than the protocol allows");
        return std::nullopt;
    }
    std::vector<StatusUpdate> updates;
    std::int64_t last = after;
    for (const auto& u : j["updates"]) {
        if (!u.is_object() || !u.contains("seq") || !u["seq"].is_number_integer() || !u.contains("tracking_code") ||
            !u["tracking_code"].is_string() || !u.contains("status") || !u["status"].is_string() || !u.contains("at") ||
            !u["at"].is_number_integer() || !u.contains("note") || !u["note"].is_string()) {
            failure = bad_answer("a status update is malformed");
            return std::nullopt;
        }
        StatusUpdate s{u["seq"].get<std::int64_t>(), u["tracking_code"].get<std::string>(), u["status"].get<std::string>(),
                       u["at"].get<std::int64_t>(), u["note"].get<std::string>()};
        if (s.seq <= last || !is_token(s.tracking_code, 32) || !is_token(s.status, 32) || s.note.size() > kMaxNoteBytes) {
            failure = bad_answer("a status update is out of order or malformed");
            return std::nullopt;
        }
        last = s.seq;
        updates.push_back(std::move(s));
    }
    if (!verify_text(updates_text(kiosk_id, after, updates), j["signature"].get<std::string>(), province_key)) {
        failure = bad_answer("the status updates' signature does not verify");
        return std::nullopt;
    }
    return updates;
}

UpdatesReport pull_status_updates(SyncSession& s) {
    UpdatesReport report;
    report.cursor = get_state_int(s.db, kStateUpdatesAfter, 0);
    for (int page = 0; page < kMaxPagesPerCycle; ++page) {
        HubRequest req;
        req.path = "/v1/aspirations/updates?after=" + std::to_string(report.cursor);
        req.max_body = 4u << 20;
        const auto answer = s.client.send(req);
        if (!answer.ok()) {
            report.failure = answer.failure;
            return report;
        }
        HubFailure bad;
        const auto updates = verify_updates(*answer.response, s.identity.kiosk_id, report.cursor,
                                            s.identity.province_sign_key, bad);
        if (!updates) {
            report.failure = bad;
            return report;
        }
        if (updates->empty()) break;
        storage::Transaction tx(s.db);
        for (const auto& u : *updates) {
            const auto status = aspirations::status_from_name(u.status);
            const std::string code = canonical_code(u.tracking_code);
            if (!status || !known_aspiration(s.db, code)) {
                // Signed, so authentic: a newer hub's status or a record of the kiosk's previous
                // database. Skipped (never applied later), so the feed cannot get stuck on it.
                spdlog::warn("status update {} skipped: status '{}' or its aspiration unknown here", u.seq, u.status);
                ++report.skipped;
                continue;
            }
            aspirations::record_status(s.db, code, *status, u.at, u.note);
            ++report.applied;
        }
        report.cursor = updates->back().seq;
        set_state_int(s.db, kStateUpdatesAfter, report.cursor);
        tx.commit();
        if (updates->size() < kMaxUpdatesPerAnswer) break;
    }
    return report;
}

}  // namespace desa::sync
