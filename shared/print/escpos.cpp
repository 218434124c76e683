#include "print/escpos.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/utf8.hpp"

namespace desa::print {
namespace {

constexpr char ESC = 0x1B, GS = 0x1D, LF = 0x0A;

// U+00C0..U+00FF and U+0100..U+017F without their accents; the few letters that become two
// (Æ, ß, Œ, ...) are handled before the tables.
constexpr std::string_view kLatin1 =
    "AAAAAAACEEEEIIII"
    "DNOOOOOxOUUUUYTs"
    "aaaaaaaceeeeiiii"
    "dnooooo/ouuuuyty";
constexpr std::string_view kLatinExtendedA =
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "IiIiJjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOo"
    "OoOoRrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";
static_assert(kLatin1.size() == 64 && kLatinExtendedA.size() == 128);

std::string_view ascii_for(char32_t c) {
    switch (c) {
        case 0xC6: return "AE";
        case 0xE6: return "ae";
        case 0xDF: return "ss";
        case 0xDE: return "Th";
        case 0xFE: return "th";
        case 0x152: return "OE";
        case 0x153: return "oe";
        case 0x132: return "IJ";
        case 0x133: return "ij";
        case 0xA0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: case 0x3000: return " ";
        case 0x2018: case 0x2019: case 0x201A: case 0x2032: case 0xB4: case 0x60: return "'";
        case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB: return "\"";
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
        case 0x2026: return "...";
        case 0x2022: case 0xB7: return "*";
        case 0xB0: return "o";  // 30° -> 30o: still readable
        case 0xD7: return "x";
        case 0xA9: return "(c)";
        case 0xAE: return "(R)";
        default: break;
    }
    if (c >= 0xC0 && c <= 0xFF) return kLatin1.substr(c - 0xC0, 1);
    if (c >= 0x100 && c <= 0x17F) return kLatinExtendedA.substr(c - 0x100, 1);
    return {};
}

char size_byte(int width, int height) {
    width = std::clamp(width, 1, 8);
    height = std::clamp(height, 1, 8);
    return static_cast<char>(((width - 1) << 4) | (height - 1));
}

// GS ( k pL pH cn=49 fn ...: the QR code functions.
void qr_function(std::string& out, char fn, std::string_view params) {
    const std::size_t n = params.size() + 2;  // cn and fn count
    out += {GS, '(', 'k', static_cast<char>(n & 0xFF), static_cast<char>((n >> 8) & 0xFF), '1', fn};
    out += params;
}

}  // namespace

std::string printable_ascii(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    while (!utf8.empty()) {
        char32_t c = 0;
        const std::size_t n = decode_utf8(utf8, c);
        if (n == 0) {  // invalid byte: skip it and go on
            utf8.remove_prefix(1);
            continue;
        }
        utf8.remove_prefix(n);
        if (c == '\n' || c == '\r' || c == '\t') out.push_back(' ');
        else if (c >= 0x20 && c < 0x7F) out.push_back(static_cast<char>(c));
        else out += ascii_for(c);  // control characters, combining marks, other scripts: dropped
    }
    return out;
}

std::vector<std::string> wrap_lines(std::string_view text, std::size_t columns) {
    std::vector<std::string> lines;
    if (columns == 0) return lines;
    std::string current;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        const std::size_t end = std::min(text.find(' ', i), text.size());
        std::string_view word = text.substr(i, end - i);
        i = end;
        while (!word.empty()) {
            const std::size_t room = current.empty() ? columns : columns - std::min(columns, current.size() + 1);
            if (word.size() <= room) {
                if (!current.empty()) current.push_back(' ');
                current.append(word);
                word = {};
            } else if (!current.empty()) {
                lines.push_back(std::move(current));
                current.clear();
            } else {  // longer than a whole line
                lines.emplace_back(word.substr(0, columns));
                word.remove_prefix(columns);
            }
        }
    }
    if (!current.empty()) lines.push_back(std::move(current));
    return lines;
}

EscPos::EscPos() { out_ += {ESC, '@', ESC, 't', 0}; }

EscPos& EscPos::justify(Justify j) {
    out_ += {ESC, 'a', static_cast<char>(j)};
    return *this;
}

EscPos& EscPos::bold(bool on) {
    out_ += {ESC, 'E', static_cast<char>(on ? 1 : 0)};
    return *this;
}

EscPos& EscPos::size(int width, int height) {
    out_ += {GS, '!', size_byte(width, height)};
    return *this;
}

EscPos& EscPos::text(std::string_view utf8) {
    out_ += printable_ascii(utf8);
    return *this;
}

EscPos& EscPos::line(std::string_view utf8) {
    text(utf8);
    out_.push_back(LF);
    return *this;
}

EscPos& EscPos::feed(int lines) {
    out_ += {ESC, 'd', static_cast<char>(std::clamp(lines, 0, 255))};
    return *this;
}

EscPos& EscPos::qr(std::string_view data, int module) {
    if (data.empty() || data.size() > kQrMaxBytes) throw std::invalid_argument("QR data empty or too long");
    qr_function(out_, 'A', std::string{'2', 0});                                          // 165: model 2
    qr_function(out_, 'C', std::string(1, static_cast<char>(std::clamp(module, 1, 16))));  // 167: module size
    qr_function(out_, 'E', std::string(1, '1'));                                          // 169: 49 = level M
    std::string store{'0'};                                                               // 180: store, m = 48
    store += data;
    qr_function(out_, 'P', store);
    qr_function(out_, 'Q', std::string(1, '0'));  // 181: print the stored symbol
    return *this;
}

EscPos& EscPos::cut() {
    out_ += {GS, 'V', 66, 3};
    return *this;
}

}  // namespace desa::print
