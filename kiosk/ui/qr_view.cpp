#include "ui/qr_view.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>

namespace desa::kiosk {
namespace {

constexpr int kQuietZone = 4;  // modules, as the QR standard asks

// Encoding is costly next to drawing, and a screen shows the same code every frame: keep the last.
struct EncodedQr {
    std::string payload;
    std::optional<ZXing::BitMatrix> modules;
};

const std::optional<ZXing::BitMatrix>& encode(const std::string& payload) {
    static EncodedQr last;
    if (last.modules && last.payload == payload) return last.modules;
    last.payload = payload;
    last.modules.reset();
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(0).setEccLevel(1);  // level M
        last.modules = writer.encode(payload, 0, 0);  // 0 x 0: one pixel per module
    } catch (const std::exception&) {
        last.modules.reset();  // too long or not encodable
    }
    return last.modules;
}

}  // namespace

bool qr_code(Ui& ui, std::string_view id, const std::string& payload, float size) {
    const auto& modules = encode(payload);
    if (!modules || modules->width() == 0) return false;
    ImGui::PushID(id.data(), id.data() + id.size());
    ImGui::InvisibleButton("##qr", ImVec2(size, size));
    ImGui::PopID();
    record_target(ui, id, payload);

    const ImVec2 min = ImGui::GetItemRectMin();
    const int n = modules->width();
    // Whole pixels per module on a whole-pixel grid: fractional edges leave hairline gaps between
    // rows that stop phones (and ZXing) from reading the code.
    const float module = std::max(1.0f, std::floor(size / static_cast<float>(n + 2 * kQuietZone)));
    const float drawn = module * static_cast<float>(n);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, ImVec2(min.x + size, min.y + size), IM_COL32(255, 255, 255, 255));
    const ImVec2 origin(std::round(min.x + (size - drawn) * 0.5f), std::round(min.y + (size - drawn) * 0.5f));
    for (int y = 0; y < n; ++y) {
        // One rectangle per horizontal run of dark modules keeps the vertex count small.
        for (int x = 0; x < n;) {
            if (!modules->get(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < n && modules->get(end, y)) ++end;
            draw.AddRectFilled(ImVec2(origin.x + static_cast<float>(x) * module, origin.y + static_cast<float>(y) * module),
                               ImVec2(origin.x + static_cast<float>(end) * module,
                                      origin.y + static_cast<float>(y + 1) * module),
                               IM_COL32(0, 0, 0, 255));
            x = end;
        }
    }
    return true;
}

}  // namespace desa::kiosk
