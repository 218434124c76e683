#include "aspirations/aspiration.hpp"

#include <array>

#include "core/utf8.hpp"
#include "people/person_name.hpp"
#include "people/phone_number.hpp"

namespace desa::aspirations {
namespace {

constexpr std::array<std::string_view, 4> kKindNames{"aspirasi", "pengaduan", "informasi", "evaluasi"};
constexpr std::array<std::string_view, 9> kCategoryNames{"pertanian", "kesehatan",        "pendidikan",
                                                         "pariwisata", "logistik",        "maritim",
                                                         "pelayanan_publik", "infrastruktur", "lainnya"};
constexpr std::array<std::string_view, 3> kIdentityNames{"anonim", "rahasia", "nama"};
constexpr std::array<std::string_view, 14> kFieldNames{"type",     "category", "title", "text",  "dusun",
                                                       "rt",       "rw",       "rating", "photo", "identity",
                                                       "name",     "nik",      "phone", "consent"};

template <typename E, std::size_t N>
std::optional<E> from_name(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<E>(i);
    return std::nullopt;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000; }

// Trims white space at both ends; counts code points of the result.
std::string trimmed(std::string_view s, std::size_t& length) {
    std::size_t begin = 0, end = s.size();
    length = 0;
    // Leading.
    while (begin < end) {
        char32_t c = 0;
        const std::size_t n = decode_utf8(s.substr(begin), c);
        if (n == 0 || !is_space(c)) break;
        begin += n;
    }
    std::string out;
    std::size_t last_non_space = 0, count = 0, count_at_last = 0;
    for (std::size_t i = begin; i < end;) {
        char32_t c = 0;
        const std::size_t n = decode_utf8(s.substr(i), c);
        if (n == 0) break;
        append_utf8(out, c);
        ++count;
        if (!is_space(c)) {
            last_non_space = out.size();
            count_at_last = count;
        }
        i += n;
    }
    out.resize(last_non_space);
    length = count_at_last;
    return out;
}

void check_length(std::vector<FieldProblem>& problems, Field field, std::string_view id, std::size_t length,
                  std::size_t min, std::size_t max) {
    const std::string base = "aspiration.problem." + std::string(id);
    if (length == 0 && min > 0) problems.push_back({field, base + ".empty", {}});
    else if (length < min) problems.push_back({field, base + ".too_short", std::to_string(min)});
    else if (length > max) problems.push_back({field, base + ".too_long", std::to_string(max)});
}

bool text_ok(std::vector<FieldProblem>& problems, Field field, std::string_view text) {
    switch (check_free_text(text)) {
        case TextFault::None: return true;
        case TextFault::InvalidUtf8: problems.push_back({field, "aspiration.problem.text_invalid", {}}); return false;
        case TextFault::ControlCharacter: problems.push_back({field, "aspiration.problem.control_character", {}}); return false;
        case TextFault::BidiControl: problems.push_back({field, "aspiration.problem.bidi_control", {}}); return false;
    }
    return false;
}

bool rt_rw_ok(std::string_view s) {  // "3", "03", "003": 1-3 digits, not 0
    if (s.empty() || s.size() > 3) return false;
    bool nonzero = false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        nonzero = nonzero || c != '0';
    }
    return nonzero;
}

std::string_view photo_type(const std::vector<std::uint8_t>& p) {
    if (p.size() >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) return "jpeg";
    if (p.size() >= 8 && p[0] == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G') return "png";
    return {};
}

}  // namespace

std::string_view kind_name(Kind k) { return kKindNames[static_cast<std::size_t>(k)]; }
std::string_view category_name(Category c) { return kCategoryNames[static_cast<std::size_t>(c)]; }
std::string_view identity_name(Identity i) { return kIdentityNames[static_cast<std::size_t>(i)]; }
std::string_view field_name(Field f) { return kFieldNames[static_cast<std::size_t>(f)]; }
std::optional<Kind> kind_from_name(std::string_view n) { return from_name<Kind>(kKindNames, n); }
std::optional<Category> category_from_name(std::string_view n) { return from_name<Category>(kCategoryNames, n); }
std::optional<Identity> identity_from_name(std::string_view n) { return from_name<Identity>(kIdentityNames, n); }

TextFault check_free_text(std::string_view text) {
    while (!text.empty()) {
        char32_t c = 0;
        const std::size_t n = decode_utf8(text, c);
        if (n == 0) return TextFault::InvalidUtf8;
        text.remove_prefix(n);
        if (c == '\n' || c == '\t' || c == '\r') continue;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return TextFault::ControlCharacter;
        // LRE..RLO, LRI..PDI, and the marks LRM/RLM/ALM (invisible direction changes).
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
            c == 0x061C)
            return TextFault::BidiControl;
        if (c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) return TextFault::ControlCharacter;
    }
    return TextFault::None;
}

Validation validate(const Draft& d, const regions::RegionRegistry& districts, people::CivilDate today,
                    const Limits& limits) {
    Validation v;
    auto& problems = v.problems;
    Accepted a{};

    if (!d.kind) problems.push_back({Field::Kind, "aspiration.problem.type.missing", {}});
    if (!d.category) problems.push_back({Field::Category, "aspiration.problem.category.missing", {}});

    std::size_t len = 0;
    if (text_ok(problems, Field::Title, d.title)) {
        a.title = trimmed(d.title, len);
        if (a.title.find('\n') != std::string::npos) problems.push_back({Field::Title, "aspiration.problem.title.one_line", {}});
        else check_length(problems, Field::Title, "title", len, limits.title_min, limits.title_max);
    }
    if (text_ok(problems, Field::Text, d.text)) {
        a.text = trimmed(d.text, len);
        check_length(problems, Field::Text, "text", len, limits.text_min, limits.text_max);
    }
    if (text_ok(problems, Field::Dusun, d.dusun)) {
        a.dusun = trimmed(d.dusun, len);
        if (len > limits.place_max) problems.push_back({Field::Dusun, "aspiration.problem.dusun.too_long", std::to_string(limits.place_max)});
    }
    for (auto [field, typed, out] : {std::tuple{Field::Rt, &d.rt, &a.rt}, std::tuple{Field::Rw, &d.rw, &a.rw}}) {
        std::string value = trimmed(*typed, len);
        if (!value.empty() && !rt_rw_ok(value))
            problems.push_back({field, field == Field::Rt ? "aspiration.problem.rt" : "aspiration.problem.rw", {}});
        *out = std::move(value);
    }

    if (d.kind == Kind::Evaluation) {
        if (!d.rating) problems.push_back({Field::Rating, "aspiration.problem.rating.missing", {}});
        else if (*d.rating < 1 || *d.rating > 5) problems.push_back({Field::Rating, "aspiration.problem.rating.range", {}});
    } else if (d.rating) {
        problems.push_back({Field::Rating, "aspiration.problem.rating.not_evaluation", {}});
    }
    a.rating = d.rating;

    if (!d.photo.empty()) {
        if (photo_type(d.photo).empty()) problems.push_back({Field::Photo, "aspiration.problem.photo.format", {}});
        else if (d.photo.size() > limits.photo_max_bytes)
            problems.push_back({Field::Photo, "aspiration.problem.photo.too_large", std::to_string(limits.photo_max_bytes / 1024)});
        a.photo = d.photo;
    }

    if (!d.identity) {
        problems.push_back({Field::Identity, "aspiration.problem.identity.missing", {}});
    } else if (*d.identity == Identity::Anonymous) {
        // Personal data given anyway is refused: the resident must see that anonim keeps nothing.
        if (!d.name.empty() || !d.nik.empty() || !d.phone.empty())
            problems.push_back({Field::Identity, "aspiration.problem.identity.anonymous_with_data", {}});
    } else {
        const auto name = people::check_person_name(d.name);
        if (!name.name) problems.push_back({Field::Name, "name.problem." + std::string(people::name_problem_name(*name.problem)), {}});
        else a.name = *name.name;
        const auto nik = people::check_nik(d.nik, districts, today);
        if (!nik.facts) problems.push_back({Field::Nik, "nik.problem." + std::string(people::nik_problem_name(*nik.problem)), {}});
        else a.nik = nik.facts->digits;
        const auto phone = people::check_phone(d.phone);
        if (!phone.number) problems.push_back({Field::Phone, "phone.problem." + std::string(people::phone_problem_name(*phone.problem)), {}});
        else a.phone = phone.number->e164;
        if (!d.consent) problems.push_back({Field::Consent, "aspiration.problem.consent", {}});
    }

    if (problems.empty()) {
        a.kind = *d.kind;
        a.category = *d.category;
        a.identity = *d.identity;
        v.accepted = std::move(a);
    }
    return v;
}

}  // namespace desa::aspirations
