#pragma once
// The console page's texts: assets/i18n/{id,en}/console.po, sent to the page as JSON so the HTML
// holds no words of its own. Ids missing in English fall back to Indonesian, as in the kiosk.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "i18n/catalog.hpp"

namespace desa::console {

class ConsoleTexts {
public:
    // Throws std::runtime_error naming the file and line when a .po file is missing or broken.
    static ConsoleTexts load(const std::filesystem::path& i18n_dir);

    // {"console.login.title": "...", ...} for the page.
    std::string json(i18n::Language) const;
    // One text; the id itself when unknown (visible rather than blank).
    std::string tr(i18n::Language, std::string_view id) const;

private:
    std::map<std::string, std::string, std::less<>> id_, en_;
};

}  // namespace desa::console
