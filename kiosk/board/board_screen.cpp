#include "board/board_screen.hpp"

#include <algorithm>
#include <string>

namespace desa::kiosk {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }

// Light text on dark navy, yellow ticket numbers: every pair above 7:1 contrast (WCAG AAA), since
// the board is read from far away and at an angle.
struct Colours {
    ImU32 background = rgb(13, 27, 42), panel = rgb(27, 45, 66), header = rgb(11, 93, 59), header_text = rgb(255, 255, 255),
          band = rgb(21, 67, 130), band_text = rgb(255, 255, 255), number = rgb(255, 214, 10), text = rgb(245, 247, 250),
          muted = rgb(168, 183, 201), highlight = rgb(255, 214, 10), highlight_text = rgb(13, 27, 42),
          serving = rgb(134, 226, 170), rule = rgb(52, 74, 100);
};
constexpr Colours kColours{};

struct Box {
    ImVec2 min, max;
    float w() const { return max.x - min.x; }
    float h() const { return max.y - min.y; }
    Box inset(float by) const { return {ImVec2(min.x + by, min.y + by), ImVec2(max.x - by, max.y - by)}; }
    Box rows(float from, float to) const { return {ImVec2(min.x, min.y + h() * from), ImVec2(max.x, min.y + h() * to)}; }
    Box cols(float from, float to) const { return {ImVec2(min.x + w() * from, min.y), ImVec2(min.x + w() * to, max.y)}; }
};

struct Frame {
    Ui& ui;
    const BoardFonts& fonts;
    const BoardView& view;
    float s;    // the display's shorter side
    float pad;  // the gap between panels
    ImDrawList& draw;
};

std::string service_name(const Frame& f, const std::string& id) {
    for (const auto& service : f.view.queue.services)
        if (service.id == id)
            return f.ui.lang == i18n::Language::English && !service.name_en.empty() ? service.name_en : service.name_id;
    return id;
}

void panel(Frame& f, const Box& b, ImU32 colour) { f.draw.AddRectFilled(b.min, b.max, colour, f.s * 0.012f); }

void draw_header(Frame& f, const Box& b) {
    f.draw.AddRectFilled(b.min, b.max, kColours.header);
    const Box inner = b.inset(f.pad);
    const float clock_w = f.fonts.label->FontSize * 3.4f;
    const Box left{inner.min, ImVec2(inner.max.x - clock_w - f.pad, inner.max.y)};
    line_in_box(f.ui, "board.title", f.fonts.label, left.h() * 0.55f, f.ui.tr("board.title"), left.rows(0, 0.58f).min,
                left.rows(0, 0.58f).max, kColours.header_text);
    name_in_box(f.ui, f.fonts.text, left.h() * 0.38f, f.view.village, left.rows(0.6f, 1).min, left.rows(0.6f, 1).max,
                kColours.header_text);
    line_in_box(f.ui, "board.clock", f.fonts.label, inner.h() * 0.75f, f.view.clock,
                ImVec2(inner.max.x - clock_w, inner.min.y), inner.max, kColours.header_text, Align::Center);
}

void draw_counter(Frame& f, const queue::CounterNow& c, const Box& b) {
    const bool highlight = c.number && f.view.highlight_event_id != 0 && c.last_event_id == f.view.highlight_event_id;
    panel(f, b, highlight ? kColours.highlight : kColours.panel);
    const std::string id = "board.counter." + std::to_string(c.counter);
    const std::string label = f.ui.trf("board.counter", {{"counter", std::to_string(c.counter)}});
    const std::string& state = !c.number ? f.ui.tr("board.state.idle")
                               : c.state == queue::TicketState::Serving ? f.ui.tr("board.state.serving")
                                                                        : f.ui.tr("board.state.called");
    const std::string number = c.number.value_or("—");
    const ImU32 text = highlight ? kColours.highlight_text : kColours.text;
    const ImU32 number_colour = highlight ? kColours.highlight_text : c.number ? kColours.number : kColours.muted;
    const ImU32 state_colour = highlight ? kColours.highlight_text
                               : !c.number ? kColours.muted
                               : c.state == queue::TicketState::Serving ? kColours.serving
                                                                        : kColours.text;
    const Box inner = b.inset(f.pad);
    if (b.w() > 2.2f * b.h()) {
        // A wide card: the counter and its state on the left, the number as high as the card.
        const Box left = inner.cols(0, 0.44f), right = inner.cols(0.46f, 1);
        line_in_box(f.ui, id, f.fonts.title, left.h() * 0.45f, label, left.rows(0, 0.6f).min, left.rows(0, 0.6f).max, text);
        line_in_box(f.ui, id + ".state", f.fonts.text, left.h() * 0.3f, state, left.rows(0.6f, 1).min,
                    left.rows(0.6f, 1).max, state_colour, Align::Left, 0.6f);
        line_in_box(f.ui, id + ".number", f.fonts.number, right.h() * 0.95f, number, right.min, right.max, number_colour,
                    Align::Center, 0.5f);
        return;
    }
    const Box band = b.rows(0, 0.26f);
    if (!highlight) f.draw.AddRectFilled(band.min, band.max, kColours.band, f.s * 0.012f, ImDrawFlags_RoundCornersTop);
    const Box band_text = band.inset(f.pad * 0.5f);
    line_in_box(f.ui, id, f.fonts.title, band_text.h() * 0.95f, label, band_text.min, band_text.max,
                highlight ? kColours.highlight_text : kColours.band_text, Align::Center);
    const Box middle = b.rows(0.27f, 0.78f).inset(f.pad * 0.5f);
    line_in_box(f.ui, id + ".number", f.fonts.number, middle.h() * 0.95f, number, middle.min, middle.max, number_colour,
                Align::Center, 0.5f);
    const Box bottom = b.rows(0.78f, 1).inset(f.pad * 0.5f);
    line_in_box(f.ui, id + ".state", f.fonts.text, bottom.h() * 0.8f, state, bottom.min, bottom.max, state_colour,
                Align::Center, 0.6f);
}

void draw_counters(Frame& f, const Box& area) {
    const auto& counters = f.view.state.counters;
    if (counters.empty()) return;
    const int n = static_cast<int>(counters.size());
    // The grid whose cards are largest, a card wanting to be 1.5 times as wide as it is high.
    int best_cols = 1;
    float best = -1;
    for (int cols = 1; cols <= n; ++cols) {
        const int rows = (n + cols - 1) / cols;
        const float w = (area.w() - f.pad * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float h = (area.h() - f.pad * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        const float score = std::min(w / 1.5f, h);
        if (score > best) {
            best = score;
            best_cols = cols;
        }
    }
    const int rows = (n + best_cols - 1) / best_cols;
    const float w = (area.w() - f.pad * static_cast<float>(best_cols - 1)) / static_cast<float>(best_cols);
    const float h = (area.h() - f.pad * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (int i = 0; i < n; ++i) {
        const float x = area.min.x + static_cast<float>(i % best_cols) * (w + f.pad);
        const float y = area.min.y + static_cast<float>(i / best_cols) * (h + f.pad);
        draw_counter(f, counters[static_cast<std::size_t>(i)], Box{ImVec2(x, y), ImVec2(x + w, y + h)});
    }
}

// The heading of a side panel; returns what is left below it.
Box panel_title(Frame& f, const Box& b, std::string_view id, const std::string& title) {
    panel(f, b, kColours.panel);
    const Box inner = b.inset(f.pad);
    const float h = std::min(f.fonts.label->FontSize * 1.15f, inner.h() * 0.3f);
    line_in_box(f.ui, id, f.fonts.label, h * 0.85f, title, inner.min, ImVec2(inner.max.x, inner.min.y + h), kColours.text);
    return Box{ImVec2(inner.min.x, inner.min.y + h + f.pad * 0.5f), inner.max};
}

void draw_last_calls(Frame& f, const Box& b) {
    const Box list = panel_title(f, b, "board.last_calls", f.ui.tr("board.last_calls"));
    const auto& calls = f.view.state.last_calls;
    if (calls.empty()) {
        line_in_box(f.ui, "board.last_calls.none", f.fonts.text, 0, f.ui.tr("board.last_calls.none"), list.min,
                    ImVec2(list.max.x, list.min.y + f.fonts.text->FontSize * 1.4f), kColours.muted, Align::Left, 0.6f);
        return;
    }
    const int slots = std::max(1, f.view.last_calls);
    // A wide, low panel (portrait screens) lists the calls in two columns, newest top left.
    const int columns = slots > 1 && list.w() > 12.0f * list.h() / static_cast<float>(slots) ? 2 : 1;
    const int rows = (slots + columns - 1) / columns;
    const float row_h = list.h() / static_cast<float>(rows);
    const float col_w = (list.w() - f.pad * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (int i = 0; i < slots && i < static_cast<int>(calls.size()); ++i) {
        const auto& call = calls[static_cast<std::size_t>(i)];
        const float x = list.min.x + static_cast<float>(i / rows) * (col_w + f.pad);
        const float y = list.min.y + row_h * static_cast<float>(i % rows);
        const Box row{ImVec2(x, y), ImVec2(x + col_w, y + row_h)};
        const bool highlight = call.event_id == f.view.highlight_event_id;
        if (highlight) f.draw.AddRectFilled(row.min, row.max, kColours.highlight, f.s * 0.008f);
        else if (i % rows > 0) f.draw.AddLine(row.min, ImVec2(row.max.x, row.min.y), kColours.rule, std::max(1.0f, f.s * 0.002f));
        const std::string id = "board.last_calls." + std::to_string(i);
        const Box cell = row.inset(f.pad * 0.3f);
        line_in_box(f.ui, id + ".number", f.fonts.number, cell.h() * 0.9f, call.number, cell.cols(0, 0.42f).min,
                    cell.cols(0, 0.42f).max, highlight ? kColours.highlight_text : kColours.number, Align::Left, 0.5f);
        const Box where = cell.cols(0.44f, call.recall ? 0.8f : 1.0f);
        line_in_box(f.ui, id + ".counter", f.fonts.text, cell.h() * 0.8f,
                    f.ui.trf("board.call.to_counter", {{"counter", std::to_string(call.counter)}}), where.min, where.max,
                    highlight ? kColours.highlight_text : kColours.text, Align::Left, 0.6f);
        if (call.recall)
            line_in_box(f.ui, id + ".recall", f.fonts.small, cell.h() * 0.7f, f.ui.tr("board.call.recall"),
                        cell.cols(0.81f, 1).min, cell.cols(0.81f, 1).max, highlight ? kColours.highlight_text : kColours.muted,
                        Align::Center, 0.6f);
    }
}

void draw_waiting(Frame& f, const Box& b) {
    const Box list = panel_title(f, b, "board.waiting", f.ui.tr("board.waiting"));
    const auto& lines = f.view.state.lines;
    if (lines.empty()) return;
    const float row_h = list.h() / static_cast<float>(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        const Box row{ImVec2(list.min.x, list.min.y + row_h * static_cast<float>(i)),
                      ImVec2(list.max.x, list.min.y + row_h * static_cast<float>(i + 1))};
        const std::string id = "board.waiting." + line.service_id;
        const float side = row_h * 0.84f;
        const Box badge{ImVec2(row.min.x, row.min.y + (row_h - side) / 2), ImVec2(row.min.x + side, row.min.y + (row_h + side) / 2)};
        f.draw.AddRectFilled(badge.min, badge.max, kColours.band, side * 0.18f);
        line_in_box(f.ui, id + ".prefix", f.fonts.label, side * 0.8f, std::string(1, line.prefix), badge.min, badge.max,
                    kColours.band_text, Align::Center, 0.5f);
        const float count_w = f.fonts.label->FontSize * 2.0f;
        const Box count{ImVec2(row.max.x - count_w, row.min.y), row.max};
        line_in_box(f.ui, id + ".count", f.fonts.label, row_h * 0.8f, std::to_string(line.waiting), count.min, count.max,
                    line.waiting > 0 ? kColours.number : kColours.muted, Align::Center, 0.5f);
        name_in_box(f.ui, f.fonts.small, row_h * 0.8f, service_name(f, line.service_id),
                    ImVec2(badge.max.x + f.pad * 0.7f, row.min.y), ImVec2(count.min.x - f.pad * 0.5f, row.max.y), kColours.text);
    }
}

}  // namespace

ImU32 board_background() { return kColours.background; }

void draw_board(Ui& ui, const BoardFonts& fonts, const BoardView& view, ImVec2 size) {
    Frame f{ui, fonts, view, std::min(size.x, size.y), 0, *ImGui::GetWindowDrawList()};
    f.pad = f.s * 0.018f;
    const float header_h = f.s * 0.13f, footer_h = f.s * 0.06f;
    draw_header(f, Box{ImVec2(0, 0), ImVec2(size.x, header_h)});
    const Box body{ImVec2(f.pad, header_h + f.pad), ImVec2(size.x - f.pad, size.y - footer_h)};
    if (size.x >= size.y * 1.15f) {
        // Landscape (a television): counters on the left, the lists on the right.
        const float split = body.min.x + body.w() * 0.6f;
        draw_counters(f, Box{body.min, ImVec2(split, body.max.y)});
        const Box side{ImVec2(split + f.pad, body.min.y), body.max};
        const float calls_bottom = side.min.y + side.h() * 0.55f;
        draw_last_calls(f, Box{side.min, ImVec2(side.max.x, calls_bottom)});
        draw_waiting(f, Box{ImVec2(side.min.x, calls_bottom + f.pad), side.max});
    } else {
        // Portrait: counters, last calls and the waiting lines stacked.
        const float calls_top = body.min.y + body.h() * 0.46f;
        const float waiting_top = body.min.y + body.h() * 0.74f;
        draw_counters(f, Box{body.min, ImVec2(body.max.x, calls_top - f.pad)});
        draw_last_calls(f, Box{ImVec2(body.min.x, calls_top), ImVec2(body.max.x, waiting_top - f.pad)});
        draw_waiting(f, Box{ImVec2(body.min.x, waiting_top), body.max});
    }
    const Box footer = Box{ImVec2(0, size.y - footer_h), ImVec2(size.x, size.y)}.inset(f.pad * 0.5f);
    line_in_box(ui, "board.footer", fonts.small, footer.h() * 0.8f, ui.tr("board.footer"), footer.min, footer.max,
                kColours.muted, Align::Center, 0.6f);
}

}  // namespace desa::kiosk
