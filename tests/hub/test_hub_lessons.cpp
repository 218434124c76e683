// Lesson progress through a real `desa-hub serve`: one learner studies at two kiosks of different
// villages, each syncs, and either kiosk then fetches the progress the hub merged (best score kept,
// mastery never lost, the newest position) and completes the course from lessons mastered on both.
// The hub's lesson figures, and what it does with malformed codes, unsigned requests and garbage
// payloads.
#include <algorithm>

#include "lesson_kiosks.hpp"
#include "lessons/learner_card.hpp"
#include "lessons/progress_remote.hpp"

using namespace desa;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

std::int64_t now_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::int64_t answers_in(const lessons::Course& c, std::initializer_list<std::size_t> lessons_index) {
    std::int64_t n = 0;
    for (const auto i : lessons_index) n += c.lessons.at(i).mastery.n;
    return n;
}

}  // namespace

TEST_CASE("a learner's progress from two kiosks is merged by the hub and fetched by both", "[hub][lessons]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        LessonKiosk a(hub, "18.01.04.2001"), b(hub, "18.01.04.2002");
        const auto& course = starter_course();
        REQUIRE(course.lessons.size() == 6);
        const auto& first = course.lessons[0];
        const std::int64_t t0 = now_s() - 3 * 86400;  // days that are over: their statistics go up too

        // Kiosk A: the first three lessons mastered, a step reached in the first.
        const std::string learner = lessons::create_learner(a.db, t0);
        lessons::record_position(a.db, learner, course.id, first.id, 3, t0 + 10);
        for (std::size_t i = 0; i < 3; ++i)
            CHECK(lessons::record_round(a.db, learner, course, course.lessons[i], quiz_round(course.lessons[i], course.lessons[i].mastery.n),
                                        t0 + 20 + static_cast<std::int64_t>(i))
                      .mastered);
        // Kiosk B, later: a poor round in the first lesson, a step further in it, the last three mastered.
        REQUIRE(lessons::remember_learner(b.db, learner, t0 + 100));
        CHECK_FALSE(lessons::record_round(b.db, learner, course, first, quiz_round(first, 1), t0 + 100).mastered);
        lessons::record_position(b.db, learner, course.id, first.id, 5, t0 + 110);
        for (std::size_t i = 3; i < 6; ++i)
            lessons::record_round(b.db, learner, course, course.lessons[i], quiz_round(course.lessons[i], course.lessons[i].mastery.n),
                                  t0 + 120 + static_cast<std::int64_t>(i));
        const auto a_first = *lessons::lesson_progress(a.db, learner, course.id, first.id);
        const auto b_first = *lessons::lesson_progress(b.db, learner, course.id, first.id);
        CHECK_FALSE(lessons::course_complete(course, lessons::learner_progress(a.db, learner)));
        CHECK_FALSE(lessons::course_complete(course, lessons::learner_progress(b.db, learner)));

        const auto sent_a = a.sync_once();
        const auto sent_b = b.sync_once();
        REQUIRE(sent_a.ok);
        REQUIRE(sent_b.ok);
        CHECK(sent_a.upload.stored >= 5);  // 1 position + 3 rounds (+ 1 day of statistics)

        // The hub's merged row is exactly the kiosks' merge.
        const auto expected_first = lessons::merge(a_first, b_first);
        CHECK(expected_first.best_score == first.mastery.n);
        CHECK(expected_first.mastered);
        CHECK(expected_first.position == 5);
        const auto cli = run_hub(hub.args({"lessons", "progress", lessons::learner_code_display(learner), "--json"}));
        REQUIRE(cli.exit_code == 0);
        const auto merged = cli.json();
        CHECK(merged["learner"] == learner);
        REQUIRE(merged["progress"].size() == 6);
        for (const auto& row : merged["progress"]) {
            if (row["lesson"] != first.id) continue;
            CHECK(row["best_score"] == expected_first.best_score);
            CHECK(row["round_size"] == expected_first.round_size);
            CHECK(row["mastered"] == true);
            CHECK(row["position"] == 5);
            CHECK(row["updated_at"] == expected_first.updated_at);
        }
        CHECK(hub.hub->stderr_text().find(learner) == std::string::npos);

        // Kiosk B fetches: the first lesson's mastery and best score from A, its own newer step.
        const auto on_b = lessons::fetch_learner_progress(b.db, b.dir.path(), learner);
        REQUIRE(on_b.ok());
        CHECK(on_b.rows.size() == 6);
        CHECK(lessons::merge_progress(b.db, learner, on_b.rows) == 3);  // the first lesson + A's other two
        CHECK(*lessons::lesson_progress(b.db, learner, course.id, first.id) == expected_first);
        CHECK(lessons::course_complete(course, lessons::learner_progress(b.db, learner)));
        // And kiosk A: B's step and B's three lessons; the course complete there too.
        const auto on_a = lessons::fetch_learner_progress(a.db, a.dir.path(), learner);
        REQUIRE(on_a.ok());
        lessons::merge_progress(a.db, learner, on_a.rows);
        CHECK(lessons::lesson_progress(a.db, learner, course.id, first.id)->position == 5);
        CHECK(lessons::course_complete(course, lessons::learner_progress(a.db, learner)));
        CHECK(lessons::learner_progress(a.db, learner) == lessons::learner_progress(b.db, learner));

        // A later poor round on B loses nothing at the hub.
        lessons::record_round(b.db, learner, course, first, quiz_round(first, 0), now_s());
        REQUIRE(b.sync_once().ok);
        const auto again = lessons::fetch_learner_progress(a.db, a.dir.path(), learner);
        REQUIRE(again.ok());
        const auto row = std::find_if(again.rows.begin(), again.rows.end(), [&](const auto& r) { return r.lesson == first.id; });
        REQUIRE(row != again.rows.end());
        CHECK(row->mastered);
        CHECK(row->best_score == first.mastery.n);

        // The day statistics both kiosks sent, summed; one village at a time with --region.
        const auto stats = run_hub(hub.args({"lessons", "stats", "--json"}));
        REQUIRE(stats.exit_code == 0);
        const auto s = stats.json();
        std::int64_t answers = 0, learners_first = 0;
        for (const auto& l : s["lessons"]) {
            answers += l["answers"].get<std::int64_t>();
            if (l["lesson"] == first.id) learners_first = l["learners"];
        }
        CHECK(answers == answers_in(course, {0, 1, 2, 0, 3, 4, 5}));
        CHECK(learners_first == 2);  // one learner-day on each kiosk
        CHECK(s["unreadable"] == 0);
        CHECK(s["villages"].size() == 2);
        const auto only_b = run_hub(hub.args({"lessons", "stats", "--region", "18.01.04.2002", "--json"})).json();
        std::int64_t answers_b = 0;
        for (const auto& l : only_b["lessons"]) answers_b += l["answers"].get<std::int64_t>();
        CHECK(answers_b == answers_in(course, {0, 3, 4, 5}));
        const auto text = run_hub(hub.args({"lessons", "stats"}));
        CHECK(text.exit_code == 0);
        CHECK(text.out.find(course.id + "/" + first.id) != std::string::npos);
    }
}

TEST_CASE("lesson stats: sums per lesson, hardest questions, regions, days and damaged records", "[hub][lessons]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        const auto k1 = hub.enrol_kiosk("18.01.04.2001"), k2 = hub.enrol_kiosk("18.01.04.2003");
        const auto day = [](const std::string& village, const std::string& date, int q1_right, int q2_right) {
            return json{{"village", village},
                        {"day", date},
                        {"lessons", {{{"course", "c"}, {"lesson", "l"}, {"learners", 4}, {"rounds", 5}, {"mastered", 2},
                                      {"answers", 10}, {"correct", q1_right + q2_right}}}},
                        {"questions", {{{"course", "c"}, {"lesson", "l"}, {"question", "q1"}, {"answers", 5}, {"correct", q1_right}},
                                       {{"course", "c"}, {"lesson", "l"}, {"question", "q2"}, {"answers", 5}, {"correct", q2_right}}}},
                        {"certificates", 1}}
                .dump();
        };
        const auto record = [](const std::string& payload) {
            return json{{"uuid", sync::new_uuid()}, {"channel", "lesson_stats"}, {"created_at", 1'764'000'000}, {"payload", payload}};
        };
        // The second kiosk claims another village in its payload: its enrolled village counts.
        const json batch1{{"records", {record(day("18.01.04.2001", "2025-11-20", 5, 1)), record("{\"day\": \"kemarin\"}")}}};
        const json batch2{{"records", {record(day("18.01.04.2001", "2025-11-21", 4, 0))}}};
        REQUIRE(hub.post_outbox(k1, batch1.dump())->status == 200);
        REQUIRE(hub.post_outbox(k2, batch2.dump())->status == 200);

        const auto all = run_hub(hub.args({"lessons", "stats", "--json"})).json();
        REQUIRE(all["lessons"].size() == 1);
        CHECK(all["lessons"][0]["learners"] == 8);
        CHECK(all["lessons"][0]["mastered"] == 4);
        CHECK(all["lessons"][0]["answers"] == 20);
        CHECK(all["lessons"][0]["correct"] == 10);
        CHECK(all["lessons"][0]["mastery_rate"].get<double>() == Approx(0.5));
        REQUIRE(all["hardest_questions"].size() == 2);
        CHECK(all["hardest_questions"][0]["question"] == "q2");  // 1 of 10 right
        CHECK(all["hardest_questions"][1]["question"] == "q1");  // 9 of 10 right
        CHECK(all["certificates"] == 2);
        CHECK(all["unreadable"] == 1);
        CHECK(all["villages"] == json({"18.01.04.2001", "18.01.04.2003"}));

        const auto one = run_hub(hub.args({"lessons", "stats", "--region", "18.01.04.2003", "--json"})).json();
        CHECK(one["lessons"][0]["answers"] == 10);
        CHECK(one["village_days"] == 1);
        const auto first_day = run_hub(hub.args({"lessons", "stats", "--from", "2025-11-20", "--to", "2025-11-20", "--json"})).json();
        CHECK(first_day["village_days"] == 1);
        CHECK(run_hub(hub.args({"lessons", "stats", "--region", "Lampung"})).exit_code == 2);
        CHECK(run_hub(hub.args({"lessons", "stats", "--from", "2025-11-21", "--to", "2025-11-20"})).exit_code == 2);
    }
}

TEST_CASE("learner progress route: malformed code, unsigned request, signed answer", "[hub][lessons]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        const auto kiosk = hub.enrol_kiosk();
        const std::string code = lessons::new_learner_code();
        std::string lower = code;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

        const std::vector<std::string> bad_codes{"ABC", "K7M-Q9X-D4P", lower, code.substr(0, 8) + (code[8] == 'A' ? "B" : "A")};
        for (const auto& bad : bad_codes) {
            INFO(bad);
            const auto res = hub.get(kiosk, "/v1/learners/" + bad + "/progress");
            REQUIRE(res);
            CHECK(res->status == 400);
        }
        const std::string path = "/v1/learners/" + code + "/progress";
        const auto unsigned_res = hub.client->Get(path.c_str());
        REQUIRE(unsigned_res);
        CHECK(unsigned_res->status == 401);

        const auto res = hub.get(kiosk, path);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        const auto body = json::parse(res->body);
        CHECK(body["learner"] == code);
        CHECK(body["progress"].empty());
        CHECK(sync::verify_text(lessons::progress_answer_text(kiosk.id, code, {}), body["signature"].get<std::string>(),
                                hub.keys.sign));
        CHECK(run_hub(hub.args({"lessons", "progress", "bukan-kode"})).exit_code == 2);
    }
}

TEST_CASE("lesson_progress payloads the hub does not understand are stored, acknowledged, not merged", "[hub][lessons]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        const auto kiosk = hub.enrol_kiosk();
        const std::string learner = lessons::new_learner_code(), hidden = lessons::new_learner_code();
        const lessons::LessonProgress good{"literasi-digital", "kata-sandi", 2, 4, 5, true, 1'764'000'000};
        auto odd_course = good;
        odd_course.course = "Kursus Aneh";
        const std::vector<std::string> payloads{
            "{}",
            "[1, 2, 3]",
            R"({"learner": "X", "course": "c", "lesson": "l", "position": 0, "best_score": 0, "round_size": 0, "mastered": false, "updated_at": 1})",
            lessons::progress_payload(hidden, odd_course),
            json{{"learner", learner}, {"course", "c"}, {"lesson", "l"}, {"position", 0}, {"best_score", 9},
                 {"round_size", 5}, {"mastered", true}, {"updated_at", 1}}.dump(),  // best over the round
            lessons::progress_payload(learner, good),
        };
        json records = json::array();
        for (const auto& p : payloads)
            records.push_back({{"uuid", sync::new_uuid()}, {"channel", "lesson_progress"}, {"created_at", 1'764'000'000}, {"payload", p}});
        const auto res = hub.post_outbox(kiosk, json{{"records", records}}.dump());
        REQUIRE(res);
        REQUIRE(res->status == 200);
        for (const auto& r : json::parse(res->body)["results"]) CHECK(r["result"] == "stored");

        auto db = hub.db();
        CHECK(db->query("SELECT count(*) FROM records WHERE channel = 'lesson_progress'", {}).at(0).int64(0) == 6);
        const auto rows = db->query("SELECT learner, course, lesson, best_score, mastered FROM lesson_progress", {});
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].text(0) == learner);
        CHECK(rows[0].text(2) == "kata-sandi");
        CHECK(rows[0].int64(4) == 1);
        // Logged by uuid and kiosk, never with the learner code.
        const auto log = hub.hub->stderr_text();
        CHECK(log.find("not understood") != std::string::npos);
        CHECK(log.find(hidden) == std::string::npos);
        CHECK(log.find(learner) == std::string::npos);

        // The same batch again: duplicates, nothing merged twice or changed.
        const auto again = hub.post_outbox(kiosk, json{{"records", records}}.dump());
        for (const auto& r : json::parse(again->body)["results"]) CHECK(r["result"] == "duplicate");
        CHECK(hub.db()->query("SELECT count(*) FROM lesson_progress", {}).at(0).int64(0) == 1);
    }
}
