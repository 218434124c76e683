// Lessons: (1) the time until a resident hears a step after tapping "Dengarkan": the reader
// synthesises that step alone, against the naive way of synthesising the whole lesson first;
// (2) what loading the courses costs at start (every file hashed, every picture decoded) and an
// import of the starter course as a zip. Usage: desa_lessons_bench ASSETS_DIR [RUNS]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "lessons/lesson_library.hpp"
#include "lessons/lesson_text.hpp"
#include "lessons/package_zip.hpp"
#include "voice/speech.hpp"

using namespace desa;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s ASSETS_DIR [RUNS]\n", argv[0]);
        return 2;
    }
    spdlog::set_level(spdlog::level::warn);
    const fs::path assets = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const fs::path scratch = fs::temp_directory_path() / "desa-lessons-bench";
    fs::remove_all(scratch);
    fs::create_directories(scratch);

    std::vector<double> load;
    lessons::CourseShelf shelf;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        shelf = lessons::load_courses(scratch / "data", assets);
        load.push_back(ms_since(t));
    }
    if (shelf.courses.empty()) {
        std::fprintf(stderr, "no course under %s/lessons\n", assets.c_str());
        return 1;
    }
    const auto& course = shelf.courses.front();
    std::vector<double> full;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        lessons::read_package_dir(course.root, true);
        full.push_back(ms_since(t));
    }
    std::printf("courses at start (every file hashed, picture headers): median %.1f ms vs decoding every picture "
                "too (the import's check): %.1f ms: %.0fx, over %d runs\n",
                median(load), median(full), median(full) / std::max(0.001, median(load)), runs);

    std::vector<double> import;
    const fs::path zip = scratch / "course.zip";
    lessons::zip_package_dir(course.root, zip);
    for (int i = 0; i < runs; ++i) {
        fs::remove_all(scratch / "import");
        const auto t = Clock::now();
        const auto outcome = lessons::import_package(zip, scratch / "import", scratch / "no-assets");
        import.push_back(ms_since(t));
        if (!outcome.ok()) return 1;
    }
    std::printf("import of the starter course zip (%ju bytes): median %.1f ms\n",
                static_cast<std::uintmax_t>(fs::file_size(zip)), median(import));

    // Time to first sound: one step against the whole lesson.
    const auto& lesson = course.lessons.front();
    std::vector<double> one, whole;
    double audio_s = 0;
    for (int i = 0; i < runs; ++i) {
        const auto& step = lesson.steps[static_cast<std::size_t>(i) % lesson.steps.size()];
        auto t = Clock::now();
        const auto speech = voice::synthesize_speech(step.heading.id + ". " + lessons::spoken_text(step.text.id));
        one.push_back(ms_since(t));
        audio_s = speech.pcm.seconds();
        t = Clock::now();
        for (const auto& s : lesson.steps) voice::synthesize_speech(s.heading.id + ". " + lessons::spoken_text(s.text.id));
        whole.push_back(ms_since(t));
    }
    std::printf("read aloud, time to first sound: one step %.0f ms (%.1f s of speech) vs whole lesson first %.0f ms: %.1fx\n",
                median(one), audio_s, median(whole), median(whole) / std::max(1.0, median(one)));
    fs::remove_all(scratch);
    return 0;
}
