// Dictionary-free Indonesian stemming for the catalogue's search fallback (see text_fold.hpp).
// Nazief & Adriani remove affixes in a fixed order and look the remainder up in a root dictionary
// after each step. We ship no dictionary, so every branch the algorithm could take is followed and
// each plausible root kept; index and query go through the same function, so a word and its
// derived forms meet on at least one shared root.
#include <algorithm>
#include <array>
#include <optional>

#include "catalog/text_fold.hpp"

namespace desa::catalog {

namespace {

constexpr std::size_t kMinRoot = 3;      // never reduce a word below this
constexpr std::size_t kMinStemmed = 5;   // shorter words cannot carry a prefix plus a root
constexpr std::size_t kMaxCandidates = 4;

// Roots that look affixed: stemming them would only make them collide with unrelated words.
constexpr std::array<std::string_view, 44> kRoots{
    "allah", "belanda", "benar", "benua", "beras", "berat", "berita", "besar", "dengan", "kalah",
    "keluarga", "kepala", "kereta", "kesan", "masalah", "medan", "melayu", "mentah", "menteri",
    "merah", "merdeka", "pelangi", "pemuda", "penting", "perahu", "perak", "perang", "perempuan",
    "pergi", "peri", "pernah", "pertama", "pesan", "pesawat", "peta", "sejarah", "sekolah",
    "selatan", "seluruh", "senang", "sepeda", "setia", "tengah", "tentang"};
static_assert(std::is_sorted(kRoots.begin(), kRoots.end()), "kRoots is binary-searched");

bool is_root(std::string_view w) { return std::binary_search(kRoots.begin(), kRoots.end(), w); }

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool starts(std::string_view w, std::string_view p) { return w.substr(0, p.size()) == p; }
bool ends(std::string_view w, std::string_view s) {
    return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

// Prefix families, for Nazief's forbidden prefix-suffix pairs and the preferred suffix order.
enum class Family { None, Di, Ke, Se, Me, Pe, Ber, Ter };

struct Stripped {
    std::string root;
    Family family;
};

class PrefixRules {
public:
    PrefixRules(std::string_view w, std::vector<Stripped>& out) : w_(w), out_(out) {}

    void first_level() {
        if (starts(w_, "di")) add(Family::Di, 2);
        if (starts(w_, "ke")) add(Family::Ke, 2);
        if (starts(w_, "se")) add(Family::Se, 2);
        if (starts(w_, "me")) nasal("me", Family::Me);
        second_level();
    }

    // Only these may follow another prefix (di-per-, mem-per-, ke-ber-, ber-peng-, di-ter-).
    void second_level() {
        if (starts(w_, "pe")) peN();
        if (starts(w_, "be")) beR();
        if (starts(w_, "ter")) trilled(Family::Ter);
    }

private:
    char at(std::size_t i) const { return i < w_.size() ? w_[i] : '\0'; }
    bool consonant_at(std::size_t i) const { return at(i) != '\0' && !is_vowel(at(i)); }

    void add(Family f, std::size_t drop, std::string_view recode = {}) {
        std::string root(recode);
        root += w_.substr(drop);
        if (root.size() < kMinRoot) return;
        for (const Stripped& s : out_)
            if (s.root == root && s.family == f) return;
        out_.push_back({std::move(root), f});
    }

    // meN-/peN-: the nasal takes the shape of the root's first sound and eats a voiceless one.
    void nasal(std::string_view p, Family f) {
        const std::string ny = std::string(p) + "ny", ng = std::string(p) + "ng";
        const std::string m = std::string(p) + "m", n = std::string(p) + "n";
        if (starts(w_, ny) && is_vowel(at(4))) {
            add(f, 4, "s");  // menyapu -> sapu
            add(f, 2);       // menyanyi -> nyanyi
        } else if (starts(w_, ng)) {
            if (at(4) == 'e' && consonant_at(5)) add(f, 5);  // pengetahuan -> tahu, mengebom -> bom
            if (is_vowel(at(4))) {
                add(f, 4);       // mengambil -> ambil
                add(f, 4, "k");  // mengirim -> kirim
            } else if (at(4) == 'g' || at(4) == 'h' || at(4) == 'k') {
                add(f, 4);  // menggali -> gali, menghapus -> hapus
            }
        } else if (starts(w_, m)) {
            const char c = at(3);
            if (c == 'b' || c == 'f' || c == 'p' || c == 'v') add(f, 3);  // membaca -> baca
            if (is_vowel(c)) {
                add(f, 3, "p");  // memukul -> pukul
                add(f, 2);       // memasak -> masak
            }
        } else if (starts(w_, n)) {
            const char c = at(3);
            if (c == 'c' || c == 'd' || c == 'j' || c == 's' || c == 't' || c == 'z') add(f, 3);
            if (is_vowel(c)) {
                add(f, 3, "t");  // menulis -> tulis
                add(f, 2);       // menikah -> nikah
            }
        }
        const char c = at(2);
        if (c == 'l' || c == 'w' || c == 'y' || (c == 'r' && is_vowel(at(3)))) add(f, 2);  // melihat
    }

    void peN() {
        if (starts(w_, "pelajar")) {
            add(Family::Pe, 3);  // pel-ajar, the one irregular form
            return;
        }
        nasal("pe", Family::Pe);
        if (starts(w_, "per")) trilled(Family::Pe);
        const char c = at(2);
        if (consonant_at(2) && c != 'm' && c != 'n' && c != 'r' && c != 'l' && c != 'w' && c != 'y')
            add(Family::Pe, 2);  // petani -> tani, pekerja -> kerja
    }

    void beR() {
        if (starts(w_, "belajar")) add(Family::Ber, 3);  // bel-ajar
        if (starts(w_, "ber")) trilled(Family::Ber);
        if (consonant_at(2) && at(2) != 'r' && at(3) == 'e' && at(4) == 'r')
            add(Family::Ber, 2);  // bekerja -> kerja, beternak -> ternak
    }

    // ber-/per-/ter- before a vowel may have eaten the root's own r: berenang -> renang.
    void trilled(Family f) {
        if (is_vowel(at(3))) {
            add(f, 3);           // berangkat -> angkat
            add(f, 2);           // perawat -> rawat
        } else {
            add(f, 3);           // bertani -> tani, perpustakaan -> pustaka
        }
    }

    std::string_view w_;
    std::vector<Stripped>& out_;
};

// Nazief & Adriani's forbidden pairs: be-...-i, di-...-an, ke-...-i, ke-...-kan, me-...-an,
// se-...-i, se-...-kan, te-...-an.
bool forbidden(Family f, std::string_view suffix) {
    switch (f) {
        case Family::Ber: return suffix == "i";
        case Family::Di: return suffix == "an";
        case Family::Ke: return suffix == "i" || suffix == "kan";
        case Family::Me: return suffix == "an";
        case Family::Se: return suffix == "i" || suffix == "kan";
        case Family::Ter: return suffix == "an";
        default: return false;
    }
}

// Best guess first: nouns with pe(N)-/per-/ke- take -an, verbs with me(N)-/di-/ter- take -kan.
// A final -i is as often the root's own (menggali, mencari) as a suffix (mencintai), so keeping
// it comes first; the root without it is still a candidate.
int suffix_rank(Family f, std::string_view suffix) {
    const bool noun = f == Family::Pe || f == Family::Ke;
    if (suffix == "kan") return noun ? 1 : 0;
    if (suffix == "an") return noun ? 0 : 1;
    if (suffix == "i") return 3;
    return 2;  // no suffix
}

struct Candidate {
    std::string root;
    int prefixes;
    std::size_t base;  // index into the bases: fewer inflections left is better
    int rank;
    std::size_t order;
};

}  // namespace

std::vector<std::string> indonesian_stems(std::string_view word) {
    const std::string w(word);
    const bool plain = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (w.size() < kMinStemmed || !plain || is_root(w)) return {w};

    // Inflections: particle, then possessive; each optional (sekolah is not seko+lah).
    std::vector<std::string> bases;
    auto strip = [&](const std::string& from, std::initializer_list<std::string_view> endings) {
        for (std::string_view e : endings)
            if (ends(from, e) && from.size() - e.size() >= kMinRoot && !is_root(from))
                return std::optional<std::string>(from.substr(0, from.size() - e.size()));
        return std::optional<std::string>();
    };
    const auto particle = strip(w, {"lah", "kah", "tah", "pun"});
    if (particle)
        if (auto both = strip(*particle, {"nya", "ku", "mu"})) bases.push_back(*both);
    if (particle) bases.push_back(*particle);
    if (auto possessive = strip(w, {"nya", "ku", "mu"})) bases.push_back(*possessive);
    bases.push_back(w);

    std::vector<Candidate> found;
    for (std::size_t b = 0; b < bases.size(); ++b) {
        const std::string& base = bases[b];
        if (is_root(base)) {
            found.push_back({base, 0, b, 3, found.size()});
            continue;
        }
        for (std::string_view suffix : {"kan", "an", "i", ""}) {
            if (!ends(base, suffix) || base.size() - suffix.size() < kMinRoot) continue;
            const std::string r = base.substr(0, base.size() - suffix.size());
            // A suffix alone: only -an/-kan on a root of 4+ letters (bacaan -> baca, not makan -> mak).
            if (!suffix.empty() ? (suffix != "i" && r.size() >= 4) : base != w)
                found.push_back({r, 0, b, suffix_rank(Family::None, suffix), found.size()});
            std::vector<Stripped> first;
            PrefixRules(r, first).first_level();
            for (const Stripped& one : first) {
                if (forbidden(one.family, suffix)) continue;
                const int rank = suffix_rank(one.family, suffix);
                std::vector<Stripped> second;
                PrefixRules(one.root, second).second_level();
                for (const Stripped& two : second)
                    if (two.family != one.family) found.push_back({two.root, 2, b, rank, found.size()});
                found.push_back({one.root, 1, b, rank, found.size()});
            }
        }
    }
    // A word that carries a prefix is not explained by a suffix alone (memakan is not mema+kan).
    const bool any_prefix = std::any_of(found.begin(), found.end(), [](const Candidate& c) { return c.prefixes > 0; });
    if (any_prefix)
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [](const Candidate& c) { return c.prefixes == 0 && !is_root(c.root); }),
                    found.end());
    // A root we know beats any guess (bersekolah -> sekolah, not seko).
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        if (is_root(a.root) != is_root(b.root)) return is_root(a.root);
        if (a.base != b.base) return a.base < b.base;
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.prefixes != b.prefixes) return a.prefixes > b.prefixes;
        return a.order < b.order;
    });
    std::vector<std::string> stems;
    for (const Candidate& c : found) {
        if (stems.size() == kMaxCandidates) break;
        if (std::find(stems.begin(), stems.end(), c.root) == stems.end()) stems.push_back(c.root);
    }
    if (stems.empty()) stems.push_back(w);
    return stems;
}

std::string indonesian_stem(std::string_view folded_word) { return indonesian_stems(folded_word).front(); }

}  // namespace desa::catalog
