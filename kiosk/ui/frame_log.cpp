#include "ui/frame_log.hpp"

#include <algorithm>
#include <cctype>

namespace desa::kiosk {
namespace {

bool equals_ignoring_case(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

const TapTarget* FrameLog::find_by_id(const std::string& id) const {
    for (const auto& t : targets)
        if (t.id == id) return &t;
    return nullptr;
}

const TapTarget* FrameLog::find_by_label(const std::string& label) const {
    for (const auto& t : targets)
        if (t.label == label) return &t;
    for (const auto& t : targets)
        if (equals_ignoring_case(t.label, label)) return &t;
    return nullptr;
}

bool FrameLog::shows_text(const std::string& needle, bool visible_only) const {
    const auto has = [&](const std::string& s, bool visible) {
        return (visible || !visible_only) && s.find(needle) != std::string::npos;
    };
    return std::any_of(texts.begin(), texts.end(), [&](const ShownText& t) { return has(t.text, t.visible); }) ||
           std::any_of(targets.begin(), targets.end(), [&](const TapTarget& t) { return has(t.label, t.visible); });
}

}  // namespace desa::kiosk
