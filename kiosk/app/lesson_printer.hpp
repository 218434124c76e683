#pragma once
// The learner card and the course certificate on the kiosk's thermal printer (config `printer`),
// built with the generic receipt layout and their QR printed natively. Neither carries personal
// data but the display name the learner chose to put on the certificate.
#include <string>

#include "app/kiosk_context.hpp"
#include "lessons/certificate.hpp"
#include "print/printer_output.hpp"
#include "print/receipt.hpp"

namespace desa::kiosk {

print::ReceiptContent learner_card_slip(const KioskContext& ctx, const std::string& code, i18n::Language lang);
print::ReceiptContent certificate_slip(const KioskContext& ctx, const lessons::Certificate& certificate,
                                       const std::string& course_title, const std::string& qr_text, i18n::Language lang);

// Sends the slip (paper checked first); the problem if any. Never throws.
print::PrintOutcome print_lesson_slip(KioskContext& ctx, const print::ReceiptContent& slip);

}  // namespace desa::kiosk
