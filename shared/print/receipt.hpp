#pragma once
// A receipt slip: a generic layout (title, facts, a big code, its QR, notes) rendered to ESC/POS,
// and the aspiration receipt's content. The content is built from aspirations::Receipt, which
// holds no personal data at all: name, NIK and phone cannot reach the paper by construction.
#include <string>
#include <utility>
#include <vector>

#include "aspirations/aspiration_store.hpp"
#include "i18n/catalog.hpp"

namespace desa::print {

struct ReceiptLayout {
    std::size_t columns = 32;  // characters per line in the normal font: 32 fits 58 mm and 80 mm paper
    int qr_module = 6;         // dots per QR module: about 2.5 cm for a tracking payload
};

struct ReceiptContent {
    std::string heading;                                     // bold, double size, centred
    std::string subheading;                                  // centred (the village)
    std::vector<std::pair<std::string, std::string>> facts;  // "Jenis: Pengaduan", wrapped
    std::string code_label;                                  // "Kode pelacakan"
    std::string code;                                        // "7KQM-A9XD-4B2": bold, double size
    std::string qr_payload;                                  // printed natively under the code
    std::vector<std::string> notes;                          // small paragraphs at the end
};

std::string build_receipt(const ReceiptContent& content, const ReceiptLayout& layout = {});

struct ReceiptPlace {
    std::string village_code;  // for the QR payload
    std::string village_name;  // "Desa Hajimena"
};

// The aspiration receipt in `lang`: type, category, date and time, title; the tracking code and
// its QR (aspirations::receipt_qr_text); how to track it.
ReceiptContent aspiration_receipt(const aspirations::Receipt& receipt, const ReceiptPlace& place,
                                  const i18n::Catalog& catalog, i18n::Language lang);

}  // namespace desa::print
