#pragma once
// Printing an aspiration receipt on the kiosk's thermal printer (config `printer`): the slip in
// the resident's language, sent within a few seconds or refused with a translated reason the
// receipt screen shows. The receipt carries no personal data (aspirations::Receipt has none).
#include <chrono>
#include <optional>
#include <string>

#include "app/kiosk_context.hpp"
#include "aspirations/aspiration_store.hpp"
#include "print/printer_output.hpp"

namespace desa::kiosk {

bool printer_configured(const KioskContext& ctx);

// The ESC/POS bytes of the receipt in `lang` (default: the kiosk's default language).
std::string aspiration_receipt_bytes(const KioskContext& ctx, const aspirations::Receipt& receipt,
                                     std::optional<i18n::Language> lang = std::nullopt);

// nullopt when every byte reached the printer; otherwise the reason, translated into `lang`
// ("Printer tidak terhubung atau mati. ..."). Never throws; blocks at most `timeout`.
std::optional<std::string> print_aspiration_receipt(KioskContext& ctx, const aspirations::Receipt& receipt,
                                                    std::optional<i18n::Language> lang = std::nullopt,
                                                    std::chrono::milliseconds timeout = print::kPrintTimeout);

}  // namespace desa::kiosk
