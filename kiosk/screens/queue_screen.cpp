// Antrian Layanan: the resident picks a service from large cards (both languages' names, open or
// closed with today's hours, tickets left today), then the lane where the service has a priority
// lane, and gets the ticket (queue_ticket_screen.cpp). Refusals are shown above the cards.
// "Check my ticket / appointment" opens the QueueCheck screen.
#include <algorithm>

#include "screens/lending_parts.hpp"
#include "screens/queue_parts.hpp"

namespace desa::kiosk {
namespace {

struct CardLine {
    std::string text;
    ImFont* font = nullptr;
};

struct CardStyle {
    ImU32 fill = 0, text = 0;
    bool outline = false;
};

float card_pad(const Ui& ui) { return ui.theme.px(18); }

// Height of a card with `badge` (a letter box at the left, 0 for none) and these lines.
float card_height(const Ui& ui, const std::vector<CardLine>& lines, float width, float badge) {
    const float pad = card_pad(ui);
    const float text_w = width - 2 * pad - (badge > 0 ? badge + pad : 0);
    float h = 0;
    for (const auto& l : lines) h += wrapped_height(l.font, l.text, text_w) + ui.theme.px(4);
    return std::max({h + 2 * pad, badge + 2 * pad, ui.theme.px(96)});
}

// A large tappable card at the cursor: an optional prefix badge, then its lines. True when tapped.
bool card(Ui& ui, std::string_view id, std::string_view badge_text, const std::vector<CardLine>& lines,
          const CardStyle& style, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    const float pad = card_pad(ui);
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool tapped = ImGui::InvisibleButton("##card", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    record_target(ui, id, lines.empty() ? std::string() : lines.front().text);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float rounding = ui.theme.px(16);
    draw.AddRectFilled(min, max, held ? p.button_pressed : style.fill, rounding);
    if (style.outline || ui.theme.high_contrast) draw.AddRect(min, max, p.border, rounding, 0, ui.theme.px(3));
    float x = min.x + pad;
    const float badge = badge_text.empty() ? 0 : ui.fonts.heading->FontSize * 1.6f;
    if (badge > 0) {
        const ImVec2 b_min(x, min.y + pad), b_max(x + badge, min.y + pad + badge);
        draw.AddRectFilled(b_min, b_max, IM_COL32(255, 255, 255, ui.theme.high_contrast ? 0 : 60), ui.theme.px(10));
        draw.AddRect(b_min, b_max, style.text, ui.theme.px(10), 0, ui.theme.px(2));
        text_in_box(ui, std::string(id) + ".badge", ui.fonts.heading, badge_text, b_min, b_max, style.text);
        x += badge + pad;
    }
    const float text_w = max.x - pad - x;
    float y = min.y + pad;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const float h = wrapped_height(lines[i].font, lines[i].text, text_w);
        text_in_box(ui, std::string(id) + ".line" + std::to_string(i), lines[i].font, lines[i].text, ImVec2(x, y),
                    ImVec2(x + text_w, y + h), style.text, Align::Left);
        y += h + ui.theme.px(4);
    }
    return tapped;
}

std::vector<CardLine> service_lines(const Ui& ui, const queue::ServiceState& st) {
    const queue::Service& s = *st.service;
    std::vector<CardLine> lines{{service_name(ui, s), ui.fonts.tile}};
    // The other language's name too: a resident may know the service by either.
    const std::string other = ui.lang == i18n::Language::English ? s.name_id : (s.name_en.empty() ? "" : s.name_en);
    if (!other.empty() && other != lines.front().text) lines.push_back({other, ui.fonts.small});
    const std::string hours = hours_text(ui, *st.hours_today);
    if (st.hours_today->empty())
        lines.push_back({ui.tr("queue.service.closed_today"), ui.fonts.bold});
    else if (!st.open_now)
        lines.push_back({ui.trf("queue.service.closed_now", {{"hours", hours}}), ui.fonts.bold});
    else
        lines.push_back({ui.trf("queue.service.open", {{"hours", hours}}), ui.fonts.bold});
    if (st.quota_left <= 0)
        lines.push_back({ui.tr("queue.service.quota_gone"), ui.fonts.body});
    else
        lines.push_back({ui.trf("queue.service.quota", {{"left", std::to_string(st.quota_left)},
                                                        {"waiting", std::to_string(st.waiting)}}),
                         ui.fonts.body});
    if (s.priority_lane) lines.push_back({ui.tr("queue.service.has_priority"), ui.fonts.small});
    return lines;
}

void draw_services(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.queue;
    section_intro(ctx, Icon::Ticket, "queue.title", "queue.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float gap = ui.theme.px(14);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "queue.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    if (action_row(ui, {{"queue.check.open", ui.tr("queue.check.open"), ButtonStyle::Normal, Icon::Check, true}}, inner) == 0) {
        v.clear_check();
        ctx.session.open(session::Screen::QueueCheck);
    }
    ImGui::Dummy(ImVec2(1, gap));
    if (v.refusal) {
        notice(ui, "queue.refusal", Notice::Error, refusal_text(ui, ctx.kiosk, *v.refusal, v.refused_service, ctx.unix_now),
               inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    ScreenDesk desk(ctx);
    const auto states = queue::service_states(desk.queue(), ctx.unix_now);
    if (states.empty()) notice(ui, "queue.empty", Notice::Info, ui.tr("queue.empty"), inner);
    else paragraph(ui, ui.fonts.bold, ui.tr("queue.choose"), inner, p.text);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));

    // Two columns on wide screens; cards of a row share its height.
    const int cols = inner > ui.theme.px(900) ? 2 : 1;
    const float card_w = (inner - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
    const float badge = ui.fonts.heading->FontSize * 1.6f;
    std::optional<std::string> chosen;
    for (std::size_t row = 0; row * cols < states.size(); ++row) {
        const ImVec2 start = ImGui::GetCursorScreenPos();
        float row_h = 0;
        std::vector<std::vector<CardLine>> lines;
        for (std::size_t c = 0; c < static_cast<std::size_t>(cols) && row * cols + c < states.size(); ++c) {
            lines.push_back(service_lines(ui, states[row * cols + c]));
            row_h = std::max(row_h, card_height(ui, lines.back(), card_w, badge));
        }
        for (std::size_t c = 0; c < lines.size(); ++c) {
            const auto& st = states[row * cols + c];
            const bool available = st.open_now && st.quota_left > 0;
            // A closed service stays tappable: the tap explains why there is no ticket.
            const CardStyle style = available ? CardStyle{p.tiles[2], p.tile_text, false}
                                              : CardStyle{p.field, p.muted_text, true};
            ImGui::SetCursorScreenPos(ImVec2(start.x + static_cast<float>(c) * (card_w + gap), start.y));
            if (card(ui, "queue.service." + st.service->id, std::string(1, st.service->prefix), lines[c], style,
                     ImVec2(card_w, row_h)))
                chosen = st.service->id;
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h + gap));
        ImGui::Dummy(ImVec2(1, 0));
    }
    end_scroll_area();
    if (chosen) {
        v.choose_service(desk.desk(), *chosen);
        if (v.issued) print_issued_ticket(ctx);
    }
}

void draw_lane(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.queue;
    const float pad = ui.theme.px(28);
    const float w = ctx.width() - 2 * pad;
    const float gap = ui.theme.px(14);
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_min.y + pad * 0.6f));
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "queue.lane.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    paragraph(ui, ui.fonts.heading, service_name(ui, ctx.kiosk, v.service_id), inner, p.text);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, ui.tr("queue.lane.question"), inner, p.text);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    paragraph(ui, ui.fonts.body, ui.tr("queue.lane.explain"), inner, p.muted_text);
    ImGui::Dummy(ImVec2(1, gap));

    const std::vector<CardLine> regular{{ui.tr("queue.lane.regular"), ui.fonts.tile},
                                        {ui.tr("queue.lane.regular.sub"), ui.fonts.body}};
    const std::vector<CardLine> priority{{ui.tr("queue.lane.priority"), ui.fonts.tile},
                                         {ui.tr("queue.lane.priority.sub"), ui.fonts.body}};
    const bool beside = inner > ui.theme.px(900);
    const float card_w = beside ? (inner - gap) * 0.5f : inner;
    const float card_h = std::max(card_height(ui, regular, card_w, 0), card_height(ui, priority, card_w, 0));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    std::optional<queue::Lane> lane;
    if (card(ui, "queue.lane.regular", "", regular, {p.tiles[2], p.tile_text, false}, ImVec2(card_w, card_h)))
        lane = queue::Lane::Regular;
    ImGui::SetCursorScreenPos(beside ? ImVec2(start.x + card_w + gap, start.y) : ImVec2(start.x, start.y + card_h + gap));
    if (card(ui, "queue.lane.priority", "", priority, {p.tiles[0], p.tile_text, false}, ImVec2(card_w, card_h)))
        lane = queue::Lane::Priority;
    ImGui::SetCursorScreenPos(ImVec2(start.x, ImGui::GetItemRectMax().y + gap * 2));
    if (action_row(ui, {{"queue.lane.back", ui.tr("queue.lane.back"), ButtonStyle::Normal, Icon::Back, true}}, inner) == 0)
        v.back_to_services();
    ImGui::Dummy(ImVec2(1, gap));
    end_scroll_area();
    if (lane) {
        ScreenDesk desk(ctx);
        v.take(desk.desk(), *lane);
        if (v.issued) print_issued_ticket(ctx);
    }
}

}  // namespace

void draw_queue_screen(ScreenContext& ctx) {
    auto& v = ctx.session.queue;
    if (v.step == queue::QueueStep::Ticket && !v.issued) v.back_to_services();  // never an empty ticket
    switch (v.step) {
        case queue::QueueStep::Services: draw_services(ctx); break;
        case queue::QueueStep::Lane: draw_lane(ctx); break;
        case queue::QueueStep::Ticket: draw_queue_ticket(ctx); break;
    }
}

}  // namespace desa::kiosk
