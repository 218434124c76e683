// Icons drawn as shapes: no icon font to ship, crisp at every size, recolourable for high contrast.
#include <cmath>

#include "ui/widgets.hpp"

namespace desa::kiosk {

void draw_icon(ImDrawList& draw, Icon icon, ImVec2 c, float size, ImU32 col) {
    const float h = size * 0.5f;
    const float t = std::max(2.0f, size * 0.09f);  // stroke thickness
    const auto at = [&](float x, float y) { return ImVec2(c.x + x * h, c.y + y * h); };
    switch (icon) {
        case Icon::None:
            break;
        case Icon::Home:
            draw.AddTriangleFilled(at(-1.0f, -0.05f), at(0.0f, -0.95f), at(1.0f, -0.05f), col);
            draw.AddRectFilled(at(-0.7f, -0.1f), at(0.7f, 0.9f), col);
            break;
        case Icon::Back:
            draw.AddLine(at(-0.8f, 0), at(0.85f, 0), col, t * 1.3f);
            draw.AddLine(at(-0.85f, 0), at(-0.2f, -0.65f), col, t * 1.3f);
            draw.AddLine(at(-0.85f, 0), at(-0.2f, 0.65f), col, t * 1.3f);
            break;
        case Icon::Globe:
            draw.AddCircle(c, h * 0.9f, col, 32, t);
            draw.AddLine(at(-0.9f, 0), at(0.9f, 0), col, t * 0.7f);
            draw.AddLine(at(0, -0.9f), at(0, 0.9f), col, t * 0.7f);
            draw.AddBezierCubic(at(0, -0.9f), at(-0.6f, -0.5f), at(-0.6f, 0.5f), at(0, 0.9f), col, t * 0.7f);
            draw.AddBezierCubic(at(0, -0.9f), at(0.6f, -0.5f), at(0.6f, 0.5f), at(0, 0.9f), col, t * 0.7f);
            break;
        case Icon::Book:
            draw.AddQuad(at(-0.95f, -0.7f), at(-0.05f, -0.55f), at(-0.05f, 0.8f), at(-0.95f, 0.65f), col, t);
            draw.AddQuad(at(0.95f, -0.7f), at(0.05f, -0.55f), at(0.05f, 0.8f), at(0.95f, 0.65f), col, t);
            for (float y : {-0.25f, 0.05f, 0.35f}) {
                draw.AddLine(at(-0.75f, y - 0.1f), at(-0.25f, y), col, t * 0.6f);
                draw.AddLine(at(0.25f, y), at(0.75f, y - 0.1f), col, t * 0.6f);
            }
            break;
        case Icon::Ticket:
            draw.AddRect(at(-0.95f, -0.6f), at(0.95f, 0.6f), col, h * 0.12f, 0, t);
            draw.AddLine(at(0.35f, -0.6f), at(0.35f, 0.6f), col, t * 0.6f);
            draw.AddRectFilled(at(-0.7f, -0.3f), at(0.1f, -0.1f), col);
            draw.AddRectFilled(at(-0.7f, 0.1f), at(-0.1f, 0.3f), col);
            break;
        case Icon::Speech:
            draw.AddRect(at(-0.95f, -0.8f), at(0.95f, 0.45f), col, h * 0.25f, 0, t);
            draw.AddTriangleFilled(at(-0.55f, 0.4f), at(-0.05f, 0.4f), at(-0.6f, 0.95f), col);
            for (float x : {-0.45f, 0.0f, 0.45f}) draw.AddCircleFilled(at(x, -0.18f), h * 0.11f, col);
            break;
        case Icon::Backspace:
            draw.AddQuad(at(-0.95f, 0), at(-0.45f, -0.6f), at(0.95f, -0.6f), at(0.95f, 0.6f), col, t);
            draw.AddLine(at(-0.45f, 0.6f), at(-0.95f, 0), col, t);
            draw.AddLine(at(-0.45f, 0.6f), at(0.95f, 0.6f), col, t);
            draw.AddLine(at(0.0f, -0.3f), at(0.55f, 0.3f), col, t);
            draw.AddLine(at(0.55f, -0.3f), at(0.0f, 0.3f), col, t);
            break;
        case Icon::Shift:
            draw.AddTriangle(at(0, -0.9f), at(-0.85f, 0.05f), at(0.85f, 0.05f), col, t);
            draw.AddRect(at(-0.4f, 0.05f), at(0.4f, 0.85f), col, 0, 0, t);
            break;
        case Icon::Lock:
            draw.AddRectFilled(at(-0.75f, -0.1f), at(0.75f, 0.9f), col, h * 0.1f);
            draw.PathArcTo(at(0, -0.1f), h * 0.5f, 3.14159f, 2 * 3.14159f, 16);
            draw.PathStroke(col, 0, t * 1.2f);
            break;
        case Icon::Check:
            draw.AddLine(at(-0.8f, 0.0f), at(-0.25f, 0.6f), col, t * 1.4f);
            draw.AddLine(at(-0.25f, 0.6f), at(0.85f, -0.7f), col, t * 1.4f);
            break;
        case Icon::Speaker:  // a loudspeaker and two sound waves
            draw.AddRectFilled(at(-0.9f, -0.3f), at(-0.5f, 0.3f), col);
            draw.AddTriangleFilled(at(-0.55f, -0.3f), at(0.05f, -0.8f), at(0.05f, 0.8f), col);
            draw.AddTriangleFilled(at(-0.55f, -0.3f), at(0.05f, 0.8f), at(-0.55f, 0.3f), col);
            for (float r : {0.45f, 0.8f}) {
                draw.PathArcTo(at(0.05f, 0), h * r, -0.9f, 0.9f, 12);
                draw.PathStroke(col, 0, t);
            }
            break;
        case Icon::Up:
            draw.AddTriangleFilled(at(0, -0.7f), at(-0.75f, 0.45f), at(0.75f, 0.45f), col);
            break;
        case Icon::Down:
            draw.AddTriangleFilled(at(0, 0.7f), at(0.75f, -0.45f), at(-0.75f, -0.45f), col);
            break;
        case Icon::Next:
            draw.AddLine(at(0.8f, 0), at(-0.85f, 0), col, t * 1.3f);
            draw.AddLine(at(0.85f, 0), at(0.2f, -0.65f), col, t * 1.3f);
            draw.AddLine(at(0.85f, 0), at(0.2f, 0.65f), col, t * 1.3f);
            break;
    }
}

}  // namespace desa::kiosk
