#pragma once
// What the last frame showed, recorded by our widgets: every tappable target (id, label, box),
// every visible text, and every text that did not fit its box. UI scripts tap targets by label or
// id from here, and the screenshot tests fail on any recorded overflow.
#include <string>
#include <vector>

#include <imgui.h>

namespace desa::kiosk {

struct TapTarget {
    std::string id;     // stable, e.g. "home.tile.library"
    std::string label;  // the visible (translated) text
    ImVec2 min, max;    // screen rectangle
    bool enabled = true;
    bool visible = true;  // false when scrolled out of its list's clip rectangle
    bool container = false;  // a scroll area: other targets lie inside it
};

struct ShownText {
    std::string text;
    bool visible = true;  // false when scrolled out of view
};

struct TextOverflow {
    std::string id;
    std::string text;
    ImVec2 needed, available;
};

struct FrameLog {
    std::vector<TapTarget> targets;
    std::vector<ShownText> texts;
    std::vector<TextOverflow> overflows;

    void clear() {
        targets.clear();
        texts.clear();
        overflows.clear();
    }
    const TapTarget* find_by_id(const std::string& id) const;
    // Exact label first, then a case-insensitive exact match; nullptr if none.
    const TapTarget* find_by_label(const std::string& label) const;
    // Substring of any text or target label; with visible_only, only what is not scrolled away.
    bool shows_text(const std::string& needle, bool visible_only = false) const;
};

}  // namespace desa::kiosk
