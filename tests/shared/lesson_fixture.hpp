#pragma once
// A small valid lesson package written into a test directory (course, two lessons, pictures), for
// the package, library and progress tests; each broken-package case starts from it.
#include <stb_image_write.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lessons/lesson_package.hpp"
#include "test_support.hpp"

namespace desa::test {

inline void write_png(const std::filesystem::path& file, int w, int h, bool noise = false) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3);
    std::uint32_t x = 12345;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        x = x * 1103515245u + 12345u;
        pixels[i] = noise ? static_cast<unsigned char>(x >> 16) : static_cast<unsigned char>((i / 3) % 7 * 30);
    }
    std::filesystem::create_directories(file.parent_path());
    stbi_write_png(file.c_str(), w, h, 3, pixels.data(), w * 3);
}

inline nlohmann::json fixture_lesson(const std::string& id) {
    using nlohmann::json;
    auto text = [](const std::string& s) { return json{{"id", s}, {"en", "EN " + s}}; };
    json quiz = json::array();
    quiz.push_back({{"id", "q1"}, {"type", "single"}, {"prompt", text("Pilih satu")},
                    {"options", {{{"id", "a"}, {"text", text("Satu")}}, {{"id", "b"}, {"text", text("Dua")}}}},
                    {"answer", "b"}, {"explanation", text("Karena dua.")}});
    quiz.push_back({{"id", "q2"}, {"type", "multiple"}, {"prompt", text("Pilih dua")},
                    {"options", {{{"id", "a"}, {"text", text("A")}}, {{"id", "b"}, {"text", text("B")}},
                                 {{"id", "c"}, {"text", text("C")}}}},
                    {"answer", {"a", "c"}}, {"explanation", text("A dan C.")}});
    quiz.push_back({{"id", "q3"}, {"type", "true_false"}, {"prompt", text("Benar?")}, {"answer", false},
                    {"explanation", text("Salah.")}});
    quiz.push_back({{"id", "q4"}, {"type", "order"}, {"prompt", text("Urutkan")},
                    {"options", {{{"id", "a"}, {"text", text("Pertama")}}, {{"id", "b"}, {"text", text("Kedua")}},
                                 {{"id", "c"}, {"text", text("Ketiga")}}}},
                    {"answer", {"a", "b", "c"}}, {"explanation", text("Urutannya a, b, c.")}});
    quiz.push_back({{"id", "q5"}, {"type", "single"}, {"prompt", text("Lagi")},
                    {"options", {{{"id", "a"}, {"text", text("Ya")}}, {{"id", "b"}, {"text", text("Tidak")}}}},
                    {"answer", "a"}, {"explanation", text("Ya.")}});
    json steps = json::array();
    steps.push_back({{"heading", text("Langkah satu")}, {"text", text("Teks **penting**.\n\n- poin")},
                     {"image", "images/a.png"}});
    steps.push_back({{"heading", text("Langkah dua")}, {"text", text("Coba ketik.")},
                     {"try", {{"kind", "type"}, {"prompt", text("Ketik ini")}, {"expect", "budi@contoh.id"},
                              {"feedback", text("Bagus")}}}});
    return {{"id", id}, {"title", text("Pelajaran " + id)}, {"summary", text("Ringkas")}, {"minutes", 5},
            {"mastery", {{"m", 4}, {"n", 5}}}, {"steps", steps}, {"quiz", quiz}};
}

inline void write_json(const std::filesystem::path& file, const nlohmann::json& doc) {
    std::filesystem::create_directories(file.parent_path());
    write_file(file, doc.dump(2));
}

// course "kursus-uji" with lessons "satu" and "dua", images/a.png and a cover; manifest at `version`.
inline void write_fixture_package(const std::filesystem::path& dir, std::int64_t version = 1) {
    using nlohmann::json;
    write_json(dir / "course.json", {{"id", "kursus-uji"},
                                     {"title", {{"id", "Kursus Uji"}, {"en", "Test Course"}}},
                                     {"summary", {{"id", "Ringkasan"}}},
                                     {"cover", "images/cover.png"},
                                     {"lessons", {"satu", "dua"}}});
    write_json(dir / "lessons/satu.json", fixture_lesson("satu"));
    write_json(dir / "lessons/dua.json", fixture_lesson("dua"));
    write_png(dir / "images/a.png", 64, 40);
    write_png(dir / "images/cover.png", 32, 20);
    lessons::write_manifest(dir, version);
}

}  // namespace desa::test
