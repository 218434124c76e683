#pragma once
// A QR code drawn as shapes (ZXing encodes, ImGui draws): dark modules on a white square with a
// quiet zone, in every theme, because phones and ZXing read only dark-on-light codes.
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace desa::kiosk {

// Draws `payload` as a QR code of side `size` at the cursor and records it as a target with the
// payload as its label (so scripts and tests can read what it encodes). Returns false (and draws
// nothing) if the payload cannot be encoded.
bool qr_code(Ui& ui, std::string_view id, const std::string& payload, float size);

}  // namespace desa::kiosk
