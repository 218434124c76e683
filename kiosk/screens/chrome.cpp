// The header on every screen (Home and Back, the village, language and accessibility switches)
// and the "are you still there?" overlay.
#include <algorithm>

#include "screens/screens.hpp"

namespace desa::kiosk {

namespace {

float label_width(const Ui& ui, std::string_view label) {
    return ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
}

}  // namespace

HeaderLayout layout_header(const Ui& ui, float display_w, bool show_home, bool show_back,
                           const std::vector<std::string>& toggle_labels, bool compact) {
    HeaderLayout layout;
    layout.show_village = !compact;
    layout.pad = ui.theme.px(12);
    layout.button_h = std::max(ui.theme.px(72), ui.fonts.body->FontSize * 1.9f);
    const float icon = std::min(layout.button_h * 0.5f, ui.theme.px(36));
    // Buttons grow with their (translated, possibly large) text; nothing is cut off.
    const float nav_w = std::max(ui.theme.px(150), std::max(label_width(ui, ui.tr("nav.home")), label_width(ui, ui.tr("nav.back"))) +
                                                       icon + layout.pad * 3.5f);
    layout.nav_w = nav_w;
    layout.nav_count = (show_home ? 1 : 0) + (show_back ? 1 : 0);
    float toggles = 0;
    for (const auto& label : toggle_labels) {
        layout.toggle_w.push_back(std::max(ui.theme.px(110), label_width(ui, label) + layout.pad * 3));
        toggles += layout.toggle_w.back() + layout.pad;
    }
    // Rows, top to bottom: the village (when it does not fit beside the buttons), then Home/Back and
    // the toggles together, or in two rows when even they do not fit side by side.
    const float nav = static_cast<float>(layout.nav_count) * (nav_w + layout.pad);
    const float buttons = nav + toggles + layout.pad;
    const float village_min = compact ? 0.0f : std::max(ui.theme.px(440), ui.fonts.small->FontSize * 22);
    const float village_h = compact ? 0.0f : ui.fonts.bold->FontSize * 1.1f + ui.fonts.small->FontSize * 2.1f;
    layout.two_rows = !compact && buttons + village_min > display_w;
    layout.village_row_h = layout.two_rows ? village_h + layout.pad : 0;
    layout.nav_row_y = layout.pad + layout.village_row_h;
    const bool split_buttons = layout.nav_count > 0 && buttons > display_w;
    layout.toggle_row_y = layout.nav_row_y + (split_buttons ? layout.button_h + layout.pad : 0);
    layout.height = layout.toggle_row_y + std::max(layout.button_h, layout.two_rows || compact ? 0 : village_h) + layout.pad;
    return layout;
}

namespace {

std::vector<std::string> toggle_labels(const ScreenContext& ctx) {
    std::vector<std::string> labels{ctx.ui.tr("a11y.contrast"), ctx.ui.tr("a11y.large_text")};
    if (ctx.kiosk.config.languages.size() > 1) labels.push_back(ctx.ui.tr("lang.switch"));
    return labels;
}

}  // namespace

HeaderLayout layout_header(const ScreenContext& ctx) {
    const bool home = ctx.session.screen() == session::Screen::Home;
    // While the keyboard is open the village line gives its height to the field being typed in.
    return layout_header(ctx.ui, ctx.display.x, !home, !home && ctx.session.can_go_back(), toggle_labels(ctx),
                         ctx.session.focused() != nullptr);
}

void draw_header(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const HeaderLayout layout = layout_header(ctx);
    const float pad = layout.pad;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(ImVec2(0, 0), ImVec2(ctx.display.x, layout.height), p.header);
    if (ui.theme.high_contrast)
        draw.AddLine(ImVec2(0, layout.height - 1), ImVec2(ctx.display.x, layout.height - 1), p.border, ui.theme.px(3));

    const float row_y = layout.nav_row_y;
    float left = pad;
    if (layout.nav_count > 0) {
        ImGui::SetCursorScreenPos(ImVec2(left, row_y));
        if (button(ui, "nav.home", ui.tr("nav.home"), ImVec2(layout.nav_w, layout.button_h), ButtonStyle::Header, Icon::Home))
            ctx.session.go_home();
        left += layout.nav_w + pad;
    }
    if (layout.nav_count > 1) {
        ImGui::SetCursorScreenPos(ImVec2(left, row_y));
        if (button(ui, "nav.back", ui.tr("nav.back"), ImVec2(layout.nav_w, layout.button_h), ButtonStyle::Header, Icon::Back))
            ctx.session.back();
        left += layout.nav_w + pad;
    }

    // Right side: contrast, larger text, language (right to left).
    const auto labels = toggle_labels(ctx);
    float right = ctx.display.x - pad;
    const auto toggle = [&](std::size_t i, const char* id, bool on) {
        right -= layout.toggle_w[i];
        ImGui::SetCursorScreenPos(ImVec2(right, layout.toggle_row_y));
        const bool tapped = button(ui, id, labels[i], ImVec2(layout.toggle_w[i], layout.button_h),
                                   on ? ButtonStyle::Primary : ButtonStyle::Header);
        right -= pad;
        return tapped;
    };
    auto& a11y = ctx.session.accessibility;
    if (toggle(0, "header.contrast", a11y.high_contrast)) a11y.high_contrast = !a11y.high_contrast;
    if (toggle(1, "header.large_text", a11y.large_text)) a11y.large_text = !a11y.large_text;
    if (labels.size() > 2 && toggle(2, "header.language", false)) {
        const auto& langs = ctx.kiosk.config.languages;
        auto it = std::find(langs.begin(), langs.end(), ctx.session.language());
        ctx.session.set_language(it == langs.end() || std::next(it) == langs.end() ? langs.front() : *std::next(it));
    }

    if (!layout.show_village) return;
    // The village: also the hidden operator gesture (five quick taps).
    const ImVec2 min = layout.two_rows ? ImVec2(pad, pad) : ImVec2(left, pad);
    const ImVec2 max = layout.two_rows ? ImVec2(ctx.display.x - pad, pad + layout.village_row_h - pad)
                                       : ImVec2(right, layout.height - pad);
    ImGui::SetCursorScreenPos(min);
    const bool tapped = ImGui::InvisibleButton("##village", ImVec2(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y)));
    record_target(ui, "header.village", ctx.kiosk.village_name);
    if (tapped && ctx.session.register_secret_tap(ctx.now)) ctx.session.open(session::Screen::AdminPin);
    const float name_h = ui.fonts.bold->FontSize * 1.1f;
    const float top = min.y + std::max(0.0f, (max.y - min.y - name_h - ui.fonts.small->FontSize * 2.1f) * 0.5f);
    text_in_box(ui, "header.village.name", ui.fonts.bold, ui.trf(ctx.kiosk.kelurahan ? "village.title.kelurahan" : "village.title", {{"name", ctx.kiosk.village_name}}),
                ImVec2(min.x, top), ImVec2(max.x, top + name_h), p.header_text, Align::Left);
    text_in_box(ui, "header.village.place", ui.fonts.small,
                ui.trf("village.place", {{"district", ctx.kiosk.district_name}, {"regency", ctx.kiosk.regency_name}}),
                ImVec2(min.x, top + name_h), ImVec2(max.x, top + name_h + ui.fonts.small->FontSize * 2.1f), p.header_text,
                Align::Left);
}

void draw_idle_warning(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    // Everything under the overlay is out of reach: a touch there only dismisses the warning.
    for (auto& target : ui.log.targets) target.visible = false;
    // A full-screen window above the screen: it dims everything and holds the message box.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ctx.display);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##idle-warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(ImVec2(0, 0), ctx.display, p.overlay);
    const float w = std::min(ctx.display.x * 0.85f, ui.theme.px(760));
    const float h = std::min(ctx.display.y * 0.7f, ui.theme.px(340) * (ui.theme.text_scale / ui.theme.scale));
    const ImVec2 min((ctx.display.x - w) * 0.5f, (ctx.display.y - h) * 0.5f);
    const ImVec2 max(min.x + w, min.y + h);
    draw.AddRectFilled(min, max, p.background, ui.theme.px(16));
    draw.AddRect(min, max, p.border, ui.theme.px(16), 0, ui.theme.px(3));
    const float pad = ui.theme.px(24);
    const float title_h = ui.fonts.heading->FontSize * 1.2f;
    text_in_box(ui, "idle.title", ui.fonts.heading, ui.tr("idle.title"), ImVec2(min.x + pad, min.y + pad),
                ImVec2(max.x - pad, min.y + pad + title_h), p.text);
    const float button_h = ui.theme.px(80);
    text_in_box(ui, "idle.body", ui.fonts.body,
                ui.trf("idle.body", {{"seconds", std::to_string(ctx.session.warning_seconds_left(ctx.now))}}),
                ImVec2(min.x + pad, min.y + pad + title_h), ImVec2(max.x - pad, max.y - 2 * pad - button_h), p.text);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, max.y - pad - button_h));
    button(ui, "idle.continue", ui.tr("idle.continue"), ImVec2(w - 2 * pad, button_h), ButtonStyle::Primary,
           Icon::Check);  // any touch dismisses the warning; the button says so plainly
    ImGui::End();
}

void next_row(ScreenContext& ctx, float gap) {
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + ctx.ui.theme.px(28), ImGui::GetCursorScreenPos().y + gap));
}

void section_intro(ScreenContext& ctx, Icon icon, std::string_view title_id, std::string_view intro_id) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(28);
    const float icon_size = ui.fonts.heading->FontSize * 1.2f;
    const ImVec2 top(ctx.area_min.x + pad, ctx.area_min.y + pad);
    draw_icon(*ImGui::GetWindowDrawList(), icon, ImVec2(top.x + icon_size * 0.5f, top.y + icon_size * 0.5f),
              icon_size, p.text);
    text_in_box(ui, std::string(title_id), ui.fonts.heading, ui.tr(title_id),
                ImVec2(top.x + icon_size + pad * 0.5f, top.y), ImVec2(ctx.area_max.x - pad, top.y + icon_size),
                p.text, Align::Left);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + icon_size + pad * 0.5f));
    // With the keyboard open the height is needed for the field; the introduction can wait.
    if (ctx.session.focused() == nullptr)
        paragraph(ui, ui.fonts.body, ui.tr(intro_id), ctx.width() - 2 * pad, p.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(top.x, ImGui::GetCursorScreenPos().y + pad * 0.5f));
}

}  // namespace desa::kiosk
