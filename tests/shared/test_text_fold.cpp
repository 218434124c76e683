// Search folding (identical at index and query time) and the Indonesian stemmer of the fallback.
#include <catch2/catch.hpp>

#include "catalog/text_fold.hpp"

using desa::catalog::fold_text;
using desa::catalog::fold_words;
using desa::catalog::indonesian_stem;
using desa::catalog::indonesian_stems;
using Words = std::vector<std::string>;

TEST_CASE("folding: case, diacritics and the letters unicode61 leaves alone", "[catalog][fold]") {
    const std::vector<std::pair<const char*, const char*>> rows{
        {"Perpustakaan Desa", "perpustakaan desa"},
        {"PERPUSTAKAAN", "perpustakaan"},
        {"Łódź", "lodz"},
        {"łódź", "lodz"},
        {"Straße", "strasse"},
        {"STRASSE", "strasse"},
        {"Ærøskøbing", "aeroskobing"},
        {"Øster Đorđe", "oster dorde"},
        {"Œuvres complètes", "oeuvres completes"},
        {"Þórr Ðóra", "thorr dora"},
        {"café CAFÉ Café", "cafe cafe cafe"},
        {"cafe\xCC\x81", "cafe"},  // decomposed: e + combining acute
        {"Ĳssel İstanbul ıi", "ijssel istanbul ii"},
        {"Şişli Țară Ș", "sisli tara s"},
        {"Ǆemal ǅ ǆ", "dzemal dz dz"},
        {"Việt Nam Tiếng Việt", "viet nam tieng viet"},
        {"Ẁales Ḑ ẞ", "wales d ss"},
        {"Σοφία ΑΘΗΝΑ", "σοφια αθηνα"},
        {"Толстой ВОЙНА", "толстой война"},
        {"ＡＢＣ１２３", "abc123"},  // full width
        {"日本語 テスト", "日本語 テスト"},  // other scripts kept as letters
        {"Ñandú Ça Ÿ", "nandu ca y"},
    };
    for (const auto& [in, out] : rows) {
        DYNAMIC_SECTION(in) { CHECK(fold_text(in) == out); }
    }
}

TEST_CASE("folding: punctuation separates, apostrophes join", "[catalog][fold]") {
    const std::vector<std::pair<const char*, Words>> rows{
        {"Harry Potter and the Philosopher's Stone", {"harry", "potter", "and", "the", "philosophers", "stone"}},
        {"Philosopher\xE2\x80\x99s", {"philosophers"}},  // typographic apostrophe
        {"Jum'at", {"jumat"}},
        {"Tolkien, J. R. R.", {"tolkien", "j", "r", "r"}},
        {"buku-buku", {"buku", "buku"}},
        {"899.221 LIY b", {"899", "221", "liy", "b"}},
        {"\"quoted\" (paren) [br] {c} *star* -minus +plus", {"quoted", "paren", "br", "c", "star", "minus", "plus"}},
        {"AND OR NEAR NOT", {"and", "or", "near", "not"}},
        {"a\tb\nc\rd\x01" "e\x7F" "f", {"a", "b", "c", "d", "e", "f"}},
        {"buku\xF0\x9F\x93\x9A" "cerita", {"buku", "cerita"}},                  // emoji between words
        {"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", {}},                               // emoji + skin tone only
        {"\xE2\x9D\xA4\xEF\xB8\x8F love", {"love"}},                           // heart + variation selector
        {"x\xE2\x80\x8B" "y z\xE2\x80\x8Dw", {"x", "y", "zw"}},                // ZWSP splits, ZWJ joins
        {"caf\xC3", {"caf"}},                                                  // truncated UTF-8
        {"a\xC0\xAF" "b", {"a", "b"}},                                         // overlong '/'
        {"a\xED\xA0\x80" "b", {"a", "b"}},                                     // surrogate
        {"\xFF\xFE", {}},
        {"", {}},
        {"   ...,,;;!!??   ", {}},
        {"«Laskar» — Pelangi… ¿qué? ¡sí! 50% €5 ×÷", {"laskar", "pelangi", "que", "si", "50", "5"}},
    };
    for (const auto& [in, out] : rows) {
        DYNAMIC_SECTION(in) { CHECK(fold_words(in) == out); }
    }
}

TEST_CASE("folding caps the number of words and is idempotent", "[catalog][fold]") {
    CHECK(fold_words("satu dua tiga empat", 2) == Words{"satu", "dua"});
    std::string long_text;
    for (int i = 0; i < 1000; ++i) long_text += "kata ";
    CHECK(fold_words(long_text, 12).size() == 12);
    for (const char* s : {"Łódź Straße", "Harry Potter's", "Việt Nam", "日本 ＡＢＣ"})
        CHECK(fold_text(fold_text(s)) == fold_text(s));
}

TEST_CASE("Indonesian stemming: best guess", "[catalog][stem]") {
    const std::vector<std::pair<const char*, const char*>> rows{
        {"membaca", "baca"},         {"pertanian", "tani"},       {"perpustakaan", "pustaka"},
        {"dibacakan", "baca"},       {"menyapu", "sapu"},         {"memukul", "pukul"},
        {"menulis", "tulis"},        {"pengetahuan", "tahu"},     {"bukunya", "buku"},
        {"bertani", "tani"},         {"petani", "tani"},          {"bekerja", "kerja"},
        {"pelajaran", "ajar"},       {"belajar", "ajar"},         {"mempelajari", "ajari"},
        {"kesehatan", "sehat"},      {"keberhasilan", "hasil"},   {"berkebun", "kebun"},
        {"pendidikan", "didik"},     {"menggunakan", "guna"},     {"diperlukan", "perlu"},
        {"berpengalaman", "alam"},   {"bacaan", "baca"},          {"makanan", "makan"},
        {"tulisan", "tulis"},        {"kebudayaan", "budaya"},    {"bacalah", "baca"},
        {"apakah", "apa"},           {"mendengar", "dengar"},     {"mencari", "cari"},
        {"menggali", "gali"},        {"menghapus", "hapus"},      {"membeli", "beli"},
        {"bersekolah", "sekolah"},   {"sekolahnya", "sekolah"},   {"penyakit", "sakit"},
        {"melihat", "lihat"},        {"merawat", "rawat"},        {"mengirimkan", "irim"},
        // Left alone: short words, roots that look affixed, digits, other scripts, English.
        {"buku", "buku"},            {"ibu", "ibu"},              {"sekolah", "sekolah"},
        {"kereta", "kereta"},        {"merdeka", "merdeka"},      {"makan", "makan"},
        {"2019an", "2019an"},        {"σοφια", "σοφια"},          {"harry", "harry"},
    };
    for (const auto& [word, stem] : rows) {
        DYNAMIC_SECTION(word) { CHECK(indonesian_stem(word) == stem); }
    }
}

TEST_CASE("Indonesian stemming: ambiguous words keep every plausible root", "[catalog][stem]") {
    auto has = [](const char* word, const char* root) {
        const auto stems = indonesian_stems(word);
        return std::find(stems.begin(), stems.end(), root) != stems.end();
    };
    CHECK(has("mengambil", "ambil"));
    CHECK(has("mengirim", "kirim"));
    CHECK(has("mengirimkan", "kirim"));
    CHECK(has("mencintai", "cinta"));  // -i as a suffix ...
    CHECK(has("mengetahui", "tahu"));
    CHECK(has("memperbaiki", "baik"));
    CHECK(has("dipelajari", "ajar"));
    CHECK(has("mencari", "cari"));     // ... and as the root's own letter
    CHECK(has("menikah", "nikah"));
    CHECK(has("memakan", "makan"));
    CHECK(has("menyanyi", "nyanyi"));
    CHECK(has("berenang", "renang"));
    CHECK(has("pemain", "main"));
    for (const char* w : {"memperdengarkan", "keberlangsungannya", "dipertanggungjawabkan", "pengetahuan"}) {
        const auto stems = indonesian_stems(w);
        CHECK(!stems.empty());
        CHECK(stems.size() <= 4);
        for (const auto& s : stems) CHECK(s.size() >= 3);
    }
}
