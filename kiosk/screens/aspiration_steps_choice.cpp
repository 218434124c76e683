// Aspiration form: the steps that are one tap — the type, the category and the identity — and the
// translated names they share with the review and the receipt.
#include <algorithm>
#include <cmath>

#include "screens/aspiration_form_parts.hpp"

namespace desa::kiosk {
namespace {

using aspirations::Category;
using aspirations::Identity;
using aspirations::Kind;

struct KindText {
    Kind kind;
    const char* id;
    const char* title;
    const char* explanation;
};
constexpr KindText kKindTexts[] = {
    {Kind::Aspiration, "aspiration.type.aspirasi", "aspiration.form.kind.aspirasi", "aspiration.form.kind.aspirasi.sub"},
    {Kind::Complaint, "aspiration.type.pengaduan", "aspiration.form.kind.pengaduan", "aspiration.form.kind.pengaduan.sub"},
    {Kind::InformationRequest, "aspiration.type.informasi", "aspiration.form.kind.informasi",
     "aspiration.form.kind.informasi.sub"},
    {Kind::Evaluation, "aspiration.type.evaluasi", "aspiration.form.kind.evaluasi", "aspiration.form.kind.evaluasi.sub"},
};

struct CategoryText {
    Category category;
    const char* id;
    const char* label;
};
constexpr CategoryText kCategoryTexts[] = {
    {Category::Agriculture, "aspiration.category.pertanian", "aspiration.form.category.pertanian"},
    {Category::Health, "aspiration.category.kesehatan", "aspiration.form.category.kesehatan"},
    {Category::Education, "aspiration.category.pendidikan", "aspiration.form.category.pendidikan"},
    {Category::Tourism, "aspiration.category.pariwisata", "aspiration.form.category.pariwisata"},
    {Category::Logistics, "aspiration.category.logistik", "aspiration.form.category.logistik"},
    {Category::Maritime, "aspiration.category.maritim", "aspiration.form.category.maritim"},
    {Category::PublicService, "aspiration.category.pelayanan_publik", "aspiration.form.category.pelayanan_publik"},
    {Category::Infrastructure, "aspiration.category.infrastruktur", "aspiration.form.category.infrastruktur"},
    {Category::Other, "aspiration.category.lainnya", "aspiration.form.category.lainnya"},
};

struct IdentityText {
    Identity identity;
    const char* id;
    const char* title;
    const char* explanation;
};
constexpr IdentityText kIdentityTexts[] = {
    {Identity::Anonymous, "aspiration.identity.anonim", "aspiration.form.identity.anonim",
     "aspiration.form.identity.anonim.sub"},
    {Identity::Confidential, "aspiration.identity.rahasia", "aspiration.form.identity.rahasia",
     "aspiration.form.identity.rahasia.sub"},
    {Identity::Named, "aspiration.identity.nama", "aspiration.form.identity.nama", "aspiration.form.identity.nama.sub"},
};

constexpr const char* kRatingWords[] = {"aspiration.form.rating.1", "aspiration.form.rating.2", "aspiration.form.rating.3",
                                        "aspiration.form.rating.4", "aspiration.form.rating.5"};

}  // namespace

std::string kind_label(const Ui& ui, Kind k) {
    for (const auto& t : kKindTexts)
        if (t.kind == k) return ui.tr(t.title);
    return {};
}

std::string category_label(const Ui& ui, Category c) {
    for (const auto& t : kCategoryTexts)
        if (t.category == c) return ui.tr(t.label);
    return {};
}

std::string identity_label(const Ui& ui, Identity i) {
    for (const auto& t : kIdentityTexts)
        if (t.identity == i) return ui.tr(t.title);
    return {};
}

std::string rating_label(const Ui& ui, int rating) {
    if (rating < 1 || rating > 5) return {};
    return ui.tr(kRatingWords[rating - 1]);
}

void draw_face(ImDrawList& draw, ImVec2 c, float r, int rating, ImU32 colour) {
    const float stroke = std::max(2.0f, r * 0.09f);
    draw.AddCircle(c, r, colour, 32, stroke);
    draw.AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.25f), r * 0.11f, colour);
    draw.AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.25f), r * 0.11f, colour);
    // The mouth: a curve from a frown (1) through a straight line (3) to a smile (5).
    const float bend = static_cast<float>(rating - 3) / 2.0f * r * 0.28f;
    const float mouth_y = c.y + r * 0.38f - bend * 0.5f;
    constexpr int kPoints = 12;
    ImVec2 points[kPoints];
    for (int i = 0; i < kPoints; ++i) {
        const float t = static_cast<float>(i) / (kPoints - 1) * 2.0f - 1.0f;  // -1..1
        points[i] = ImVec2(c.x + t * r * 0.45f, mouth_y + bend * (1.0f - t * t));
    }
    draw.AddPolyline(points, kPoints, colour, 0, stroke);
}

void draw_type_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    // What this section is for, and that no name is needed, before the first choice.
    paragraph(ui, ui.fonts.body, ui.tr("aspirations.intro"), f.width, ui.theme.palette.text);
    paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.hint.type"), f.width, ui.theme.palette.muted_text);
    ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    for (const auto& t : kKindTexts) {
        if (choice_card(ui, t.id, ui.tr(t.title), ui.tr(t.explanation), f.form.kind == t.kind, f.width)) {
            f.form.choose_kind(t.kind);
            advance(f.ctx);
        }
    }
    field_problem(f, aspirations::Field::Kind, "aspiration.type.problem");
}

void draw_category_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    const float gap = ui.theme.px(12);
    // As many columns as keep every name on one or two lines.
    const int cols = f.width > ui.theme.px(1100) ? 3 : 2;
    const float cell_w = (f.width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    float row_h = std::max(ui.theme.px(88), ui.fonts.body->FontSize * 2.2f);
    for (const auto& t : kCategoryTexts)
        row_h = std::max(row_h, wrapped_height(ui.fonts.body, ui.tr(t.label), cell_w - ui.theme.px(24)) +
                                    ui.theme.px(24));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    int i = 0;
    for (const auto& t : kCategoryTexts) {
        const int row = i / cols, col = i % cols;
        ImGui::SetCursorScreenPos(ImVec2(start.x + static_cast<float>(col) * (cell_w + gap),
                                         start.y + static_cast<float>(row) * (row_h + gap)));
        const bool selected = f.form.category == t.category;
        if (button(ui, t.id, ui.tr(t.label), ImVec2(cell_w, row_h), selected ? ButtonStyle::Primary : ButtonStyle::Normal,
                   selected ? Icon::Check : Icon::None)) {
            f.form.choose_category(t.category);
            advance(f.ctx);
        }
        ++i;
    }
    const int rows = (i + cols - 1) / cols;
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + static_cast<float>(rows) * (row_h + gap)));
    ImGui::Dummy(ImVec2(1, 1));
    field_problem(f, aspirations::Field::Category, "aspiration.category.problem");
}

void draw_identity_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    const float gap = ui.theme.px(10);
    paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.hint.identity"), f.width, ui.theme.palette.muted_text);
    ImGui::Dummy(ImVec2(1, gap));
    if (!f.offer.identity) {
        // Without the province key nothing personal could be protected: only anonim, and why.
        notice(ui, "aspiration.identity.no_key", Notice::Info, ui.tr("aspiration.form.identity.no_key"), f.width);
        ImGui::Dummy(ImVec2(1, gap));
    }
    for (const auto& t : kIdentityTexts) {
        if (!f.offer.identity && t.identity != Identity::Anonymous) continue;
        if (choice_card(ui, t.id, ui.tr(t.title), ui.tr(t.explanation), f.form.identity == t.identity, f.width)) {
            f.form.choose_identity(t.identity);
            if (!f.form.personal_cleared) advance(f.ctx);  // else stay: the resident reads what was emptied
        }
    }
    if (f.form.personal_cleared) {
        notice(ui, "aspiration.identity.cleared", Notice::Warning, ui.tr("aspiration.form.identity.cleared"), f.width);
        ImGui::Dummy(ImVec2(1, gap));
    }
    field_problem(f, aspirations::Field::Identity, "aspiration.identity.problem");
}

}  // namespace desa::kiosk
