// POST /v1/enroll, POST /v1/outbox, GET /v1/aspirations/updates.
#include <spdlog/spdlog.h>

#include <charconv>

#include "model/aspiration_admin.hpp"
#include "model/lesson_certificates.hpp"
#include "model/outbox_store.hpp"
#include "model/regions.hpp"
#include "server/gzip.hpp"
#include "server/handlers.hpp"
#include "sync/outbox.hpp"

namespace desa::hub {

using nlohmann::json;

void handle_enroll(HubServer::State& s, const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > kMaxEnrolBytes) return send_error(res, 413, "too_large");
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("code") || !body["code"].is_string() || !body.contains("public_key") ||
        !body["public_key"].is_string())
        return send_error(res, 400, "bad_request", "expected {\"code\", \"public_key\", \"name\"}");
    const auto key = sync::parse_sign_public_key(body["public_key"].get<std::string>());
    if (!key) return send_error(res, 400, "bad_request", "public_key is not a base64 Ed25519 public key");
    std::string name;
    if (body.contains("name") && !body["name"].is_null()) {
        if (!body["name"].is_string() || !is_clean_text(body["name"].get<std::string>(), kMaxKioskNameBytes))
            return send_error(res, 400, "bad_request", "name is not usable text");
        name = body["name"].get<std::string>();
    }
    const std::string code = body["code"].get<std::string>();
    if (code.size() > 64) return send_error(res, 403, "code_unknown");

    auto db = s.pool.acquire();
    const std::int64_t now = server_now();
    const auto outcome = enrol_kiosk(*db, code, sync::encode_sign_public_key(*key), name, now);
    if (!outcome.kiosk) return send_error(res, outcome.error == "key_in_use" ? 409 : 403, outcome.error);
    const auto& k = *outcome.kiosk;
    sync::EnrolAnswer a{k.id, k.village_code, region_name(*db, k.village_code).value_or(""), s.keys.sign_base64(),
                        s.keys.seal_base64(), now};
    spdlog::info("enrolment: kiosk {} for village {}", k.id, k.village_code);
    // The endorsement is outside the signed enrolment text: it is a signature of its own, which the
    // kiosk checks with the key it pins, and older kiosks simply ignore the field.
    send_json(res, 200,
              {{"kiosk_id", a.kiosk_id},
               {"village_code", a.village_code},
               {"village_name", a.village_name},
               {"province_sign_key", a.province_sign_key},
               {"province_seal_key", a.province_seal_key},
               {"server_time", a.server_time},
               {"signature", sync::sign_text(sync::enrol_answer_text(a), s.sign.secret_key)},
               {"endorsement", endorse_kiosk(k, s.sign.secret_key).value_or("")}});
}

namespace {

// The batch as the protocol defines it; the first fault found is named in the answer.
std::optional<std::vector<IncomingRecord>> parse_batch(const std::string& text, std::string& fault) {
    const json body = json::parse(text, nullptr, false);
    if (!body.is_object() || !body.contains("records") || !body["records"].is_array()) {
        fault = "expected {\"records\": [...]}";
        return std::nullopt;
    }
    const auto& list = body["records"];
    if (list.size() > kMaxOutboxRecords) {
        fault = "more than " + std::to_string(kMaxOutboxRecords) + " records";
        return std::nullopt;
    }
    std::vector<IncomingRecord> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& r = list[i];
        const std::string where = "record " + std::to_string(i) + ": ";
        if (!r.is_object()) {
            fault = where + "not an object";
            return std::nullopt;
        }
        const auto uuid = r.value("uuid", json());
        const auto channel = r.value("channel", json());
        const auto created = r.value("created_at", json());
        const auto payload = r.value("payload", json());
        if (!uuid.is_string() || !sync::looks_like_uuid(uuid.get<std::string>())) {
            fault = where + "uuid is not a lower-case UUID";
            return std::nullopt;
        }
        if (!channel.is_string() || !sync::is_channel_name(channel.get<std::string>())) {
            fault = where + "channel is not a channel name";
            return std::nullopt;
        }
        if (!created.is_number_integer() || created.get<std::int64_t>() < 0) {
            fault = where + "created_at is not unix seconds";
            return std::nullopt;
        }
        if (!payload.is_string() || !json::accept(payload.get<std::string>())) {
            fault = where + "payload is not a JSON text in a string";
            return std::nullopt;
        }
        out.push_back({uuid.get<std::string>(), channel.get<std::string>(), created.get<std::int64_t>(),
                       payload.get<std::string>()});
    }
    return out;
}

}  // namespace

void handle_outbox(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                   const Kiosk& kiosk) {
    const std::string encoding = req.get_header_value(kBodyEncodingHeader);
    std::string text;
    if (encoding == "gzip") {
        auto inflated = gunzip_bounded(req.body, kMaxOutboxBytes);
        if (!inflated.data)
            return inflated.problem == GunzipProblem::TooLarge
                       ? send_error(res, 413, "too_large", "more than 1 MiB uncompressed")
                       : send_error(res, 400, "bad_request", "the gzip body is corrupt or truncated");
        text = std::move(*inflated.data);
    } else if (encoding.empty() || encoding == "identity") {
        if (req.body.size() > kMaxOutboxBytes) return send_error(res, 413, "too_large", "more than 1 MiB");
        text = req.body;
    } else {
        return send_error(res, 415, "unsupported_encoding", "Content-Encoding must be gzip");
    }
    std::string fault;
    const auto records = parse_batch(text, fault);
    if (!records) return send_error(res, 400, "bad_batch", fault);
    const auto results = store_records(db, kiosk.id, *records, server_now());
    const std::string batch = sync::sha256_hex(text);
    json list = json::array();
    std::size_t stored = 0, conflicts = 0;
    for (const auto& r : results) {
        list.push_back({{"uuid", r.uuid}, {"result", r.result}});
        stored += r.result == "stored";
        conflicts += r.result == "conflict";
    }
    spdlog::info("outbox: kiosk {} sent {} record(s): {} stored, {} conflict(s)", kiosk.id, results.size(), stored,
                 conflicts);
    send_json(res, 200,
              {{"kiosk_id", kiosk.id},
               {"batch_sha256", batch},
               {"results", list},
               {"signature", sync::sign_text(sync::ack_text(kiosk.id, batch, results), s.sign.secret_key)}});
}

void handle_updates(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                    const Kiosk& kiosk) {
    std::int64_t after = 0;
    if (req.has_param("after")) {
        const std::string v = req.get_param_value("after");
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), after);
        if (v.empty() || ec != std::errc() || end != v.data() + v.size() || after < 0)
            return send_error(res, 400, "bad_request", "after must be a sequence number >= 0");
    }
    const auto updates = updates_for_kiosk(db, kiosk.id, after);
    json list = json::array();
    for (const auto& u : updates)
        list.push_back({{"seq", u.seq}, {"tracking_code", u.tracking_code}, {"status", u.status}, {"at", u.at},
                        {"note", u.note}});
    send_json(res, 200,
              {{"updates", list},
               {"signature", sync::sign_text(sync::updates_text(kiosk.id, after, updates), s.sign.secret_key)}});
}

}  // namespace desa::hub
