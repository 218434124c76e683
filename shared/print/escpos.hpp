#pragma once
// ESC/POS, the command language of thermal receipt printers (Epson TM and the many compatible
// 58/80 mm printers). Only what receipts need: initialise, alignment, bold, character size, text
// the printer can show, native QR codes (GS ( k) and the cut. Text is transliterated to plain
// printable ASCII: every code page has it, and a resident's text can never smuggle in a command
// byte (ESC, GS, ...).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace desa::print {

// UTF-8 -> printable ASCII: accented Latin letters lose their accents ("é" -> "e", "ß" -> "ss"),
// typographic quotes and dashes become plain ones, line breaks and tabs become spaces, and what
// has no ASCII form (emoji, other scripts, control characters, invalid UTF-8) is dropped.
std::string printable_ascii(std::string_view utf8);

// Greedy word wrap of printable ASCII to `columns`; a word longer than a line is split.
std::vector<std::string> wrap_lines(std::string_view ascii, std::size_t columns);

enum class Justify { Left = 0, Center = 1, Right = 2 };

// The most bytes a model 2 QR code holds at error correction M (version 40, byte mode); a printer
// prints nothing at all for data it cannot fit, so longer data is refused here.
inline constexpr std::size_t kQrMaxBytes = 2331;  // version 40-M, byte mode

class EscPos {
public:
    EscPos();  // ESC @ (initialise), ESC t 0 (code page 437: ASCII is the same on all)

    EscPos& justify(Justify j);            // ESC a n
    EscPos& bold(bool on);                 // ESC E n
    EscPos& size(int width, int height);   // GS ! n, each 1..8 times the normal size
    EscPos& text(std::string_view utf8);   // transliterated, no line feed
    EscPos& line(std::string_view utf8 = {});  // text + LF
    EscPos& feed(int lines);               // ESC d n
    // Model 2, module size `module` (1..16 dots), error correction M: GS ( k functions 165, 167,
    // 169, 180 (store) and 181 (print). Throws std::invalid_argument for data beyond kQrMaxBytes.
    EscPos& qr(std::string_view data, int module = 6);
    EscPos& cut();                         // GS V 66 n: feed to the cutter, partial cut

    const std::string& bytes() const { return out_; }

private:
    std::string out_;
};

}  // namespace desa::print
