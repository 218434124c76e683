// Perpustakaan: one search field, results as you type, a few big filter chips, and a clear word
// when the catalogue is empty or nothing matches ("Maksud Anda: ..." when a typo was fixed); after its
// own books, the titles only other libraries hold and where (the union catalogue).
#include <algorithm>
#include <functional>

#include "screens/screens.hpp"

namespace desa::kiosk {
namespace {

using catalog::Availability;

std::string language_name(const Ui& ui, const std::string& code) {
    const std::string id = "language." + code;
    return ui.catalog.has(ui.lang, id) ? ui.tr(id) : code;
}

template <typename Hit>
std::string authors_line(const Hit& hit) {
    std::string line;
    for (std::size_t i = 0; i < hit.authors.size() && i < 2; ++i) line += (i ? "; " : "") + hit.authors[i];
    if (hit.authors.size() > 2) line += "; …";
    if (hit.year) line += (line.empty() ? "" : " · ") + std::to_string(*hit.year);
    return line;
}

std::string availability_text(const Ui& ui, int available, int copies) {
    if (copies == 0) return ui.tr("library.hit.no_copies");
    if (available == 0) return ui.tr("library.hit.on_loan");
    return ui.trf("library.hit.available", {{"available", std::to_string(available)}, {"copies", std::to_string(copies)}});
}

// One result: title, authors and year, and whether a copy is on the shelf. Tapping opens it.
bool result_row(Ui& ui, const catalog::SearchHit& hit, float width) {
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(14);
    const float status_w = std::min(width * 0.3f, ui.theme.px(260));
    const float text_w = width - status_w - 3 * pad;
    const std::string title = hit.subtitle.empty() ? hit.title : hit.title + ": " + hit.subtitle;
    const std::string byline = authors_line(hit);
    const float title_h = wrapped_height(ui.fonts.bold, title, text_w);
    const float byline_h = byline.empty() ? 0 : wrapped_height(ui.fonts.body, byline, text_w);
    const std::string status = availability_text(ui, hit.available, hit.copies);
    const float status_h = wrapped_height(ui.fonts.small, status, status_w);
    const float h = std::max({title_h + byline_h, status_h, ui.theme.px(64)}) + 2 * pad;

    const std::string id = "library.hit." + std::to_string(hit.record_id);
    ImGui::PushID(id.c_str());
    const bool tapped = ImGui::InvisibleButton("##hit", ImVec2(width, h));
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    record_target(ui, id, title);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, held ? p.button_pressed : p.field, ui.theme.px(10));
    draw.AddRect(min, max, ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 30), ui.theme.px(10));
    text_in_box(ui, id + ".title", ui.fonts.bold, title, ImVec2(min.x + pad, min.y + pad),
                ImVec2(min.x + pad + text_w, min.y + pad + title_h), p.text, Align::Left);
    if (!byline.empty())
        text_in_box(ui, id + ".by", ui.fonts.body, byline, ImVec2(min.x + pad, min.y + pad + title_h),
                    ImVec2(min.x + pad + text_w, min.y + pad + title_h + byline_h), p.muted_text, Align::Left);
    const ImU32 status_colour = hit.available > 0 ? (ui.theme.high_contrast ? p.text : IM_COL32(0, 110, 60, 255)) : p.muted_text;
    text_in_box(ui, id + ".status", ui.fonts.small, status, ImVec2(max.x - pad - status_w, min.y + pad),
                ImVec2(max.x - pad, max.y - pad), status_colour, Align::Center);
    ImGui::Dummy(ImVec2(width, ui.theme.px(8)));
    return tapped;
}

// Where a title only other libraries hold can be found: the best library (a copy on its shelf
// first), then how many more hold it.
std::vector<std::string> elsewhere_lines(const Ui& ui, const catalog::ElsewhereHit& hit) {
    std::vector<std::string> lines;
    if (hit.libraries.empty()) return lines;
    const auto& best = hit.libraries.front();
    const std::string available = std::to_string(best.available);
    lines.push_back(best.available > 0
                        ? ui.trf("library.elsewhere.at", {{"library", best.name}, {"available", available}})
                        : ui.trf("library.elsewhere.on_loan_at", {{"library", best.name}}));
    if (hit.libraries.size() > 1)
        lines.push_back(ui.trf("library.elsewhere.more", {{"count", std::to_string(hit.libraries.size() - 1)}}));
    return lines;
}

// A title another library holds: not tappable (there is no record here to open); it says where.
void elsewhere_row(Ui& ui, const catalog::ElsewhereHit& hit, std::size_t index, float width) {
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(14);
    const float where_w = std::min(width * 0.42f, ui.theme.px(360));
    const float text_w = width - where_w - 3 * pad;
    const std::string title = hit.subtitle.empty() ? hit.title : hit.title + ": " + hit.subtitle;
    const std::string byline = authors_line(hit);
    const auto lines = elsewhere_lines(ui, hit);
    const float title_h = wrapped_height(ui.fonts.bold, title, text_w);
    const float byline_h = byline.empty() ? 0 : wrapped_height(ui.fonts.body, byline, text_w);
    std::vector<float> line_h;
    float where_h = 0;
    for (const auto& line : lines) where_h += line_h.emplace_back(wrapped_height(ui.fonts.small, line, where_w));
    const float h = std::max({title_h + byline_h, where_h, ui.theme.px(64)}) + 2 * pad;

    const std::string id = "library.elsewhere." + std::to_string(index);
    ImGui::Dummy(ImVec2(width, h));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRect(min, max, ui.theme.high_contrast ? p.border : p.muted_text, ui.theme.px(10), 0, ui.theme.px(2));
    text_in_box(ui, id + ".title", ui.fonts.bold, title, ImVec2(min.x + pad, min.y + pad),
                ImVec2(min.x + pad + text_w, min.y + pad + title_h), p.text, Align::Left);
    if (!byline.empty())
        text_in_box(ui, id + ".by", ui.fonts.body, byline, ImVec2(min.x + pad, min.y + pad + title_h),
                    ImVec2(min.x + pad + text_w, min.y + pad + title_h + byline_h), p.muted_text, Align::Left);
    float y = min.y + (h - where_h) / 2;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ImU32 colour = i == 0 && hit.libraries.front().available > 0
                                 ? (ui.theme.high_contrast ? p.text : IM_COL32(0, 110, 60, 255))
                                 : p.muted_text;
        text_in_box(ui, id + ".where" + std::to_string(i), ui.fonts.small, lines[i], ImVec2(max.x - pad - where_w, y),
                    ImVec2(max.x - pad, y + line_h[i]), colour, Align::Left);
        y += line_h[i];
    }
    ImGui::Dummy(ImVec2(width, ui.theme.px(8)));
}

// A row of filter chips; each toggles one filter. Only values present in the results are offered.
void filter_chips(ScreenContext& ctx, const catalog::SearchResult& result, float width) {
    Ui& ui = ctx.ui;
    auto& visit = ctx.session.library;
    struct Chip {
        std::string id, label;
        bool on;
        std::function<void()> toggle;
    };
    std::vector<Chip> chips{
        {"library.filter.on_shelf", ui.tr("library.filter.on_shelf"), visit.filters.availability == Availability::OnShelf,
         [&] { visit.toggle_availability(Availability::OnShelf); }},
    };
    for (const auto& f : result.facets.language) {
        if (chips.size() >= 4) break;
        const bool on = std::count(visit.filters.languages.begin(), visit.filters.languages.end(), f.value) > 0;
        chips.push_back({"library.filter.language." + f.value, language_name(ui, f.value), on,
                         [&visit, v = f.value] { visit.toggle_language(v); }});
    }
    if (visit.filters_active())
        chips.push_back({"library.filter.clear", ui.tr("library.filter.clear"), false, [&] { visit.clear_filters(); }});

    const float gap = ui.theme.px(10);
    const float h = std::max(ui.theme.px(60), ui.fonts.body->FontSize * 1.8f);
    float x = 0;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float y = start.y;
    for (auto& chip : chips) {
        const float w = std::min(width, std::max(ui.theme.px(120),
                                                 ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0,
                                                                              chip.label.c_str()).x + ui.theme.px(48)));
        if (x > 0 && x + w > width) {  // wrap to a new row
            x = 0;
            y += h + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x + x, y));
        if (button(ui, chip.id, chip.label, ImVec2(w, h), chip.on ? ButtonStyle::Primary : ButtonStyle::Normal,
                   chip.on ? Icon::Check : Icon::None))
            chip.toggle();
        x += w + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + h + gap));
}

// The way to the librarian's desk, under the catalogue size while nobody searches (only when
// the kiosk has a librarian PIN).
void librarian_entry(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    if (ctx.kiosk.config.library.librarian_pin_hash.empty()) return;
    ImGui::Dummy(ImVec2(width, ui.theme.px(12)));
    const float h = std::max(ui.theme.px(64), ui.fonts.body->FontSize * 1.8f);
    if (button(ui, "library.librarian", ui.tr("library.librarian"), ImVec2(std::min(width, ui.theme.px(420)), h),
               ButtonStyle::Normal, Icon::Lock))
        ctx.session.open(ctx.session.signed_in_librarian() ? session::Screen::LibraryDesk : session::Screen::LibrarianPin);
}

}  // namespace

void draw_library_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    section_intro(ctx, Icon::Book, "library.title", "library.intro");
    auto& search = ctx.session.forms.library_search;
    auto& visit = ctx.session.library;
    const float w = ctx.width() - ui.theme.px(56);
    const float field_h = std::max(ui.theme.px(80), ui.fonts.body->FontSize * 2.0f);
    if (text_field(ui, "library.search", search, ui.tr("library.search.placeholder"),
                   ctx.session.focused() == &search, ImVec2(w, field_h)))
        ctx.session.focus(&search);
    next_row(ctx, ui.theme.px(12));

    const float results_h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    // Below the field everything scrolls: with the keyboard open little height is left.
    begin_scroll_area(ui, "library.results", ImVec2(w, results_h));
    const float inner_w = w - ui.theme.px(20);
    if (visit.catalogue_size(ctx.kiosk.db) == 0) {
        notice(ui, "library.empty", Notice::Info, ui.tr("library.empty"), inner_w);
    } else {
        const auto& result = visit.results(ctx.kiosk.db, search.text);
        if (!search.empty() || visit.filters_active()) filter_chips(ctx, result, inner_w);
        if (search.empty() && !visit.filters_active()) {
            paragraph(ui, ui.fonts.body,
                      ui.trf("library.catalogue_size", {{"count", std::to_string(visit.catalogue_size(ctx.kiosk.db))}}),
                      inner_w, p.muted_text);
            librarian_entry(ctx, inner_w);
        } else if (result.total == 0 && result.elsewhere.empty()) {
            notice(ui, "library.none", Notice::Warning, ui.trf("library.results.none", {{"query", search.text}}), inner_w);
        } else {
            if (result.did_you_mean)
                paragraph(ui, ui.fonts.bold, ui.trf("library.did_you_mean", {{"suggestion", *result.did_you_mean}}),
                          inner_w, p.text);
            const std::string count = std::to_string(result.total) + (result.total_capped ? "+" : "");
            if (result.total > 0)
                paragraph(ui, ui.fonts.small, ui.trf("library.results.count", {{"count", count}}), inner_w,
                          p.muted_text);
            else  // only other libraries have it
                paragraph(ui, ui.fonts.bold, ui.trf("library.elsewhere.only", {{"query", search.text}}), inner_w,
                          p.text);
            for (const auto& hit : result.hits) {
                if (result_row(ui, hit, inner_w)) {
                    visit.open(ctx.kiosk.db, hit.record_id);
                    ctx.session.open(session::Screen::LibraryRecord);
                }
            }
            // Titles this library does not hold, after all of its own, under their own heading.
            if (!result.elsewhere.empty()) {
                if (result.total > 0) {
                    ImGui::Dummy(ImVec2(inner_w, ui.theme.px(8)));
                    paragraph(ui, ui.fonts.bold, ui.tr("library.elsewhere.heading"), inner_w, p.text);
                }
                paragraph(ui, ui.fonts.small, ui.tr("library.elsewhere.hint"), inner_w, p.muted_text);
                for (std::size_t i = 0; i < result.elsewhere.size(); ++i)
                    elsewhere_row(ui, result.elsewhere[i], i, inner_w);
            }
        }
    }
    end_scroll_area();
}

}  // namespace desa::kiosk
