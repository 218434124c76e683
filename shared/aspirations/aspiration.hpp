#pragma once
// One resident's aspiration, complaint, information request or service evaluation, as typed on
// the kiosk, and the rules it must meet before it is accepted. Plain data; the store seals the
// personal part and appends the whole to the outbox.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "people/nik.hpp"
#include "regions/region_registry.hpp"

namespace desa::aspirations {

enum class Kind { Aspiration, Complaint, InformationRequest, Evaluation };
enum class Category {
    Agriculture, Health, Education, Tourism, Logistics, Maritime, PublicService, Infrastructure, Other
};
// anonim: nothing personal kept; rahasia: identity sealed for the province, never shown publicly;
// nama: identity sealed too, and the province may publish the name with the answer.
enum class Identity { Anonymous, Confidential, Named };

inline constexpr Kind kKinds[] = {Kind::Aspiration, Kind::Complaint, Kind::InformationRequest, Kind::Evaluation};
inline constexpr Category kCategories[] = {Category::Agriculture, Category::Health,        Category::Education,
                                           Category::Tourism,     Category::Logistics,     Category::Maritime,
                                           Category::PublicService, Category::Infrastructure, Category::Other};
inline constexpr Identity kIdentities[] = {Identity::Anonymous, Identity::Confidential, Identity::Named};

// Wire and CLI names: "aspirasi", "pengaduan", "informasi", "evaluasi"; "pertanian", ...,
// "pelayanan_publik", "infrastruktur", "lainnya"; "anonim", "rahasia", "nama".
std::string_view kind_name(Kind);
std::string_view category_name(Category);
std::string_view identity_name(Identity);
std::optional<Kind> kind_from_name(std::string_view);
std::optional<Category> category_from_name(std::string_view);
std::optional<Identity> identity_from_name(std::string_view);

struct Limits {
    std::size_t title_min = 5, title_max = 100;  // code points
    std::size_t text_min = 10, text_max = 2000;
    std::size_t place_max = 60;                  // dusun name
    std::size_t photo_max_bytes = 400 * 1024;
};

struct Draft {
    std::optional<Kind> kind;
    std::optional<Category> category;
    std::string title;
    std::string text;
    std::string dusun, rt, rw;       // where it concerns, all optional
    std::optional<int> rating;       // 1..5, required for an evaluation, refused otherwise
    std::vector<std::uint8_t> photo; // JPEG/PNG bytes from the camera, optional
    std::optional<Identity> identity;
    std::string name, nik, phone;    // for rahasia and nama only
    bool consent = false;            // the resident accepted the consent text (rahasia/nama)
};

enum class Field { Kind, Category, Title, Text, Dusun, Rt, Rw, Rating, Photo, Identity, Name, Nik, Phone, Consent };
std::string_view field_name(Field);  // "type", "category", "title", "text", ..., "nik", "phone", "consent"

struct FieldProblem {
    Field field;
    std::string message_id;  // e.g. "aspiration.problem.title.too_short", "nik.problem.bad_month"
    std::string detail;      // a number for the message ({min}/{max}), never personal data
};

// The cleaned submission: text trimmed, personal fields normalised (NIK digits, phone +62...).
struct Accepted {
    Kind kind;
    Category category;
    std::string title, text, dusun, rt, rw;
    std::optional<int> rating;
    std::vector<std::uint8_t> photo;
    Identity identity;
    std::string name, nik, phone;  // empty for anonim
};

struct Validation {
    std::optional<Accepted> accepted;  // set when problems is empty
    std::vector<FieldProblem> problems;
};

// Every rule of the resident flow and of `aspirations submit`, one message per faulty field, in
// field order. `today` for the NIK's birth date; `districts`: the kecamatan registry for NIKs.
// Personal fields given with "anonim" are refused, not silently dropped: the resident must see
// that choosing anonymity keeps nothing.
Validation validate(const Draft& draft, const regions::RegionRegistry& districts, people::CivilDate today,
                    const Limits& limits = {});

// Text a resident may send: no control characters except line breaks and tabs, no bidirectional
// override/isolate controls (they can make text read differently from how it is stored);
// right-to-left scripts and emoji are fine.
enum class TextFault { None, InvalidUtf8, ControlCharacter, BidiControl };
TextFault check_free_text(std::string_view text);

}  // namespace desa::aspirations
