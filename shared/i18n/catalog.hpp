#pragma once
// UI text catalogues: gettext .po files, one folder per language (assets/i18n/id/*.po, en/*.po),
// one file per area of the kiosk so areas are translated and reviewed apart. Screens
// never hard-code text; they ask the catalogue for a message id such as "home.tile.library".
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace desa::i18n {

enum class Language { Indonesian, English };

std::string_view language_code(Language);                      // "id", "en"
std::optional<Language> language_from_code(std::string_view);  // "id"/"en" (case-insensitive)

struct PoParseError {
    int line;
    std::string message;
};

// Parses gettext .po text: comments, msgctxt (ignored), msgid, msgstr, multi-line "..." strings,
// escapes \n \t \r \" \\. Entries with an empty msgid (the header) or empty msgstr are skipped, and
// so are "#, fuzzy" ones, as gettext does. Plural forms are reported as errors.
std::map<std::string, std::string, std::less<>> parse_po(std::string_view text,
                                                         std::vector<PoParseError>& errors);

class Catalog {
public:
    // Loads every <dir>/id/*.po and <dir>/en/*.po. Throws std::runtime_error naming the file and
    // line on a syntax error, a missing folder, or a message id defined in two files.
    static Catalog load_dir(const std::filesystem::path& dir);
    static Catalog from_maps(std::map<std::string, std::string, std::less<>> indonesian,
                             std::map<std::string, std::string, std::less<>> english);

    // The text for `id` in `lang`; falls back to Indonesian, then to the id itself, so a missing
    // string is visible on screen instead of crashing.
    const std::string& tr(Language lang, std::string_view id) const;
    // tr() then replaces each "{name}" with its value.
    std::string format(Language lang, std::string_view id,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;
    bool has(Language lang, std::string_view id) const;
    // Ids present in one language but not the other (for the translation-completeness test).
    std::vector<std::string> missing_in(Language lang) const;

private:
    std::map<std::string, std::string, std::less<>> id_, en_;
    mutable std::map<std::string, std::string, std::less<>> echoed_;  // storage for fallback ids
};

}  // namespace desa::i18n
