#include "lessons/progress_remote.hpp"

#include <algorithm>

#include "lessons/learner_card.hpp"
#include "sync/sync_store.hpp"

namespace desa::lessons {
namespace {

using nlohmann::json;

RemoteProgress problem(RemoteProblem p, std::string detail) {
    RemoteProgress r;
    r.problem = p;
    r.detail = std::move(detail);
    return r;
}

RemoteProgress from_failure(const sync::HubFailure& f) {
    const bool transient = f.kind == sync::FailureKind::Network ||
                           (f.kind == sync::FailureKind::HttpStatus &&
                            (f.http_status >= 500 || f.http_status == 408 || f.http_status == 429));
    if (transient) return problem(RemoteProblem::Unreachable, sync::describe(f));
    if (f.kind == sync::FailureKind::BadAnswer) return problem(RemoteProblem::BadAnswer, sync::describe(f));
    return problem(RemoteProblem::Refused, sync::describe(f));
}

std::optional<std::int64_t> bounded(const json& row, const char* key, std::int64_t max) {
    const auto it = row.find(key);
    if (it == row.end() || !it->is_number_integer()) return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > max) return std::nullopt;
    return v;
}

std::optional<LessonProgress> read_row(const json& row) {
    if (!row.is_object()) return std::nullopt;
    const auto course = row.find("course"), lesson = row.find("lesson"), mastered = row.find("mastered");
    if (course == row.end() || !course->is_string() || !is_progress_id(course->get<std::string>()) ||
        lesson == row.end() || !lesson->is_string() || !is_progress_id(lesson->get<std::string>()) ||
        mastered == row.end() || !mastered->is_boolean())
        return std::nullopt;
    // The same bounds as an outbox payload (parse_progress_payload): the hub merged nothing wider.
    const auto position = bounded(row, "position", 1000), best = bounded(row, "best_score", 100),
               size = bounded(row, "round_size", 100), at = bounded(row, "updated_at", 1LL << 40);
    if (!position || !best || !size || !at || *best > *size) return std::nullopt;
    return LessonProgress{course->get<std::string>(), lesson->get<std::string>(), static_cast<int>(*position),
                          static_cast<int>(*best), static_cast<int>(*size), mastered->get<bool>(), *at};
}

}  // namespace

bool is_progress_id(std::string_view id) {
    return !id.empty() && id.size() <= 40 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string progress_answer_text(std::string_view kiosk_id, std::string_view learner,
                                 const std::vector<LessonProgress>& rows) {
    std::string text = "DESA-PRG-1\n" + std::string(kiosk_id) + "\n" + std::string(learner) + "\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (i > 0) text += "\n";
        text += r.course + " " + r.lesson + " " + std::to_string(r.position) + " " + std::to_string(r.best_score) + " " +
                std::to_string(r.round_size) + " " + (r.mastered ? "1" : "0") + " " + std::to_string(r.updated_at);
    }
    return text;
}

std::string_view remote_problem_name(RemoteProblem p) {
    switch (p) {
        case RemoteProblem::NotEnrolled: return "not_enrolled";
        case RemoteProblem::Unreachable: return "unreachable";
        case RemoteProblem::Refused: return "refused";
        case RemoteProblem::BadAnswer: return "bad_answer";
    }
    return "refused";
}

RemoteProgress fetch_learner_progress(storage::Database& db, const std::filesystem::path& data_dir,
                                      std::string_view learner, const sync::ClientOptions& options) {
    if (!is_learner_code(learner)) return problem(RemoteProblem::Refused, "not a learner code");
    const auto identity = sync::load_identity(db);
    const auto secret = sync::load_kiosk_secret(data_dir);
    if (!identity || !secret)
        return problem(RemoteProblem::NotEnrolled, identity ? "the kiosk key file is missing" : "not enrolled");
    sync::HubClient client(identity->hub_url, options);
    client.set_identity(identity->kiosk_id, *secret);
    client.set_clock_offset(sync::get_state_int(db, sync::kStateClockOffset, 0));
    sync::HubRequest req;
    req.path = "/v1/learners/" + std::string(learner) + "/progress";
    req.max_body = 1u << 20;
    const auto answer = client.send(req);
    // A correction learnt here serves the next sync cycle too.
    if (client.clock_corrected()) sync::set_state_int(db, sync::kStateClockOffset, client.clock_offset());
    if (!answer.ok()) return from_failure(*answer.failure);

    sync::HubFailure bad;
    const auto body = sync::json_object(*answer.response, bad);
    if (!body) return problem(RemoteProblem::BadAnswer, sync::describe(bad));
    const auto who = body->find("learner"), list = body->find("progress"), signature = body->find("signature");
    if (who == body->end() || !who->is_string() || who->get<std::string>() != learner || list == body->end() ||
        !list->is_array() || list->size() > kMaxRemoteProgressRows || signature == body->end() ||
        !signature->is_string())
        return problem(RemoteProblem::BadAnswer, "the progress answer lacks a field or names another learner");
    RemoteProgress out;
    for (const auto& item : *list) {
        auto row = read_row(item);
        if (!row) return problem(RemoteProblem::BadAnswer, "a progress row is malformed");
        out.rows.push_back(std::move(*row));
    }
    if (!sync::verify_text(progress_answer_text(identity->kiosk_id, learner, out.rows), signature->get<std::string>(),
                           identity->province_sign_key))
        return problem(RemoteProblem::BadAnswer, "the progress answer's signature does not verify");
    return out;
}

}  // namespace desa::lessons
