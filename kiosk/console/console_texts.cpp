#include "console/console_texts.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace desa::console {

namespace {

std::map<std::string, std::string, std::less<>> read_po(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    std::vector<i18n::PoParseError> errors;
    auto messages = i18n::parse_po(text.str(), errors);
    if (!errors.empty())
        throw std::runtime_error(file.string() + ":" + std::to_string(errors.front().line) + ": " +
                                 errors.front().message);
    return messages;
}

}  // namespace

ConsoleTexts ConsoleTexts::load(const std::filesystem::path& i18n_dir) {
    ConsoleTexts t;
    t.id_ = read_po(i18n_dir / "id" / "console.po");
    t.en_ = read_po(i18n_dir / "en" / "console.po");
    return t;
}

std::string ConsoleTexts::json(i18n::Language lang) const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [id, text] : id_) out[id] = text;
    if (lang == i18n::Language::English)
        for (const auto& [id, text] : en_) out[id] = text;
    return out.dump();
}

std::string ConsoleTexts::tr(i18n::Language lang, std::string_view id) const {
    if (lang == i18n::Language::English)
        if (const auto it = en_.find(id); it != en_.end()) return it->second;
    if (const auto it = id_.find(id); it != id_.end()) return it->second;
    return std::string(id);
}

}  // namespace desa::console
