// Every message id the kiosk asks for exists in both catalogues, and both catalogues have the
// same ids. (Ids chosen at run time are caught by the screen test, which fails on a raw id.)
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/catalog.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;

namespace {

std::set<std::string> ids_used_in_sources() {
    std::set<std::string> ids;
    // tr("id") and trf("id", ...), plus the table columns that hold ids (title_id, subtitle_id, label_id).
    const std::regex call(R"re(\btrf?\(\s*"([a-z0-9_.]+)"\s*[,)])re");  // whole ids, not prefixes
    const std::regex table(R"re("((?:home\.tile|admin\.fact)\.[a-z0-9_.]+)")re");
    for (const char* dir : {"kiosk", "shared"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(DESA_SOURCE_DIR) / dir)) {
            if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            for (const auto& re : {call, table})
                for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
                    ids.insert((*it)[1].str());
        }
    }
    return ids;
}

}  // namespace

TEST_CASE("both catalogues hold the same message ids", "[i18n]") {
    const auto catalog = i18n::Catalog::load_dir(test::source_assets() / "i18n");
    CHECK(catalog.missing_in(i18n::Language::Indonesian).empty());
    for (const auto& id : catalog.missing_in(i18n::Language::English)) FAIL_CHECK("missing in en/*.po: " << id);
}

TEST_CASE("every message id used in the code has a translation in both languages", "[i18n]") {
    const auto catalog = i18n::Catalog::load_dir(test::source_assets() / "i18n");
    const auto ids = ids_used_in_sources();
    REQUIRE(ids.size() > 40);  // the scan itself works
    for (const auto& id : ids) {
        INFO(id);
        CHECK(catalog.has(i18n::Language::Indonesian, id));
        CHECK(catalog.has(i18n::Language::English, id));
    }
}
