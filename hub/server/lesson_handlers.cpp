// GET /v1/kiosk/endorsement, GET /v1/learners/<code>/progress (signed) and
// GET /v1/certificates/verify (public, read-only).
#include "lessons/learner_card.hpp"
#include "lessons/progress_remote.hpp"
#include "model/lesson_certificates.hpp"
#include "model/lesson_progress.hpp"
#include "server/handlers.hpp"

namespace desa::hub {

using nlohmann::json;

namespace {
// A certificate's QR text is at most 600 characters; anything longer is not one.
constexpr std::size_t kMaxCertificateQuery = 1000;
}  // namespace

void handle_endorsement(HubServer::State& s, const httplib::Request&, httplib::Response& res, SqlDb&,
                        const Kiosk& kiosk) {
    // A revoked kiosk never gets here: the request check refuses it first.
    const auto endorsement = endorse_kiosk(kiosk, s.sign.secret_key);
    if (!endorsement) return send_error(res, 500, "internal", "the kiosk's stored key is unreadable");
    send_json(res, 200,
              {{"kiosk_id", kiosk.id},
               {"village_code", kiosk.village_code},
               {"public_key", kiosk.public_key},
               {"endorsement", *endorsement}});
}

void handle_learner_progress(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                             const Kiosk& kiosk) {
    const std::string learner = req.matches[1];
    if (!lessons::is_learner_code(learner))
        return send_error(res, 400, "bad_request", "not a learner code (9 symbols, canonical, with its check)");
    const auto rows = merged_learner_progress(db, learner);
    json list = json::array();
    for (const auto& r : rows)
        list.push_back({{"course", r.course}, {"lesson", r.lesson}, {"position", r.position},
                        {"best_score", r.best_score}, {"round_size", r.round_size}, {"mastered", r.mastered},
                        {"updated_at", r.updated_at}});
    send_json(res, 200,
              {{"learner", learner},
               {"progress", list},
               {"signature",
                sync::sign_text(lessons::progress_answer_text(kiosk.id, learner, rows), s.sign.secret_key)}});
}

void handle_certificate_verify(HubServer::State& s, const httplib::Request& req, httplib::Response& res) {
    const std::string qr = req.has_param("qr") ? req.get_param_value("qr") : std::string();
    if (qr.empty() || qr.size() > kMaxCertificateQuery)
        return send_error(res, 400, "bad_request", "qr must be a certificate's QR text, URL-encoded");
    auto db = s.pool.acquire();
    send_json(res, 200, certificate_verdict_json(check_certificate(*db, s.keys.sign, qr)));
}

}  // namespace desa::hub
