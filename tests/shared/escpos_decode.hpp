#pragma once
// An independent reader of the ESC/POS subset receipts use, for the print tests: it walks the
// bytes as a printer would and reports the text lines, the QR data stored with GS ( k, and any
// byte it does not understand. Written from the command reference, not from the builder.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace desa::test {

struct EscPosDecoded {
    std::vector<std::string> lines;      // printed text, one entry per LF
    std::vector<std::string> qr_stored;  // GS ( k fn 80 (store) data
    int qr_printed = 0;                  // GS ( k fn 81
    int qr_model = 0;                    // fn 65: 50 = model 2
    int qr_module = 0;                   // fn 67
    int qr_error_correction = 0;         // fn 69: 48 L, 49 M, 50 Q, 51 H
    bool starts_with_init = false;       // ESC @ first
    bool ends_with_cut = false;          // GS V last
    int cuts = 0;
    std::vector<int> sizes;              // GS ! values seen
    bool bold_seen = false;
    std::vector<std::string> errors;     // unknown or truncated commands
};

inline EscPosDecoded decode_escpos(std::string_view b) {
    EscPosDecoded d;
    std::string line;
    std::size_t i = 0;
    const auto byte = [&](std::size_t at) { return static_cast<std::uint8_t>(b[at]); };
    const auto need = [&](std::size_t n, const char* what) {
        if (i + n <= b.size()) return true;
        d.errors.push_back(std::string("truncated ") + what);
        i = b.size();
        return false;
    };
    d.starts_with_init = b.size() >= 2 && byte(0) == 0x1B && b[1] == '@';
    bool last_was_cut = false;
    while (i < b.size()) {
        const std::uint8_t c = byte(i);
        last_was_cut = false;
        if (c == 0x0A) {
            d.lines.push_back(line);
            line.clear();
            ++i;
        } else if (c >= 0x20 && c < 0x7F) {
            line.push_back(static_cast<char>(c));
            ++i;
        } else if (c == 0x1B) {  // ESC
            if (!need(2, "ESC")) break;
            const char cmd = b[i + 1];
            if (cmd == '@') i += 2;
            else if (cmd == 't' || cmd == 'a' || cmd == 'E' || cmd == 'd') {
                if (!need(3, "ESC x n")) break;
                if (cmd == 'E' && byte(i + 2) == 1) d.bold_seen = true;
                i += 3;
            } else {
                d.errors.push_back("unknown ESC " + std::to_string(static_cast<int>(cmd)));
                i += 2;
            }
        } else if (c == 0x1D) {  // GS
            if (!need(2, "GS")) break;
            const char cmd = b[i + 1];
            if (cmd == '!') {
                if (!need(3, "GS !")) break;
                d.sizes.push_back(byte(i + 2));
                i += 3;
            } else if (cmd == 'V') {
                if (!need(3, "GS V")) break;
                const std::uint8_t m = byte(i + 2);
                i += (m == 65 || m == 66) ? 4 : 3;  // function B carries a feed amount
                if (i > b.size()) d.errors.push_back("truncated GS V");
                ++d.cuts;
                last_was_cut = true;
            } else if (cmd == '(') {
                if (!need(5, "GS (")) break;
                if (b[i + 2] != 'k') d.errors.push_back("unknown GS ( function");
                const std::size_t n = byte(i + 3) + 256u * byte(i + 4);
                if (!need(5 + n, "GS ( k")) break;
                const std::string_view params = b.substr(i + 5, n);  // cn fn ...
                if (n < 2 || params[0] != '1') d.errors.push_back("GS ( k not for QR");
                else switch (params[1]) {
                        case 'A': d.qr_model = static_cast<std::uint8_t>(params[2]); break;
                        case 'C': d.qr_module = static_cast<std::uint8_t>(params[2]); break;
                        case 'E': d.qr_error_correction = static_cast<std::uint8_t>(params[2]); break;
                        case 'P':
                            if (params[2] != '0') d.errors.push_back("QR store m != 48");
                            d.qr_stored.emplace_back(params.substr(3));
                            break;
                        case 'Q': ++d.qr_printed; break;
                        default: d.errors.push_back("unknown QR function"); break;
                    }
                i += 5 + n;
            } else {
                d.errors.push_back("unknown GS " + std::to_string(static_cast<int>(cmd)));
                i += 2;
            }
        } else {
            d.errors.push_back("stray byte " + std::to_string(static_cast<int>(c)));
            ++i;
        }
    }
    if (!line.empty()) d.lines.push_back(line);
    d.ends_with_cut = last_was_cut;
    return d;
}

}  // namespace desa::test
