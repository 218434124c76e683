#pragma once
// Asking the printer about its paper before a job. A printer without paper takes bytes into its
// buffer (a network printer's socket accepts a whole ticket) and prints nothing: without asking,
// the kiosk would tell the resident "printed". ESC/POS printers answer the real-time status
// request DLE EOT 4 (roll paper sensor) even while offline; a USB printer (usblp) also reports
// "paper empty" through the LPGETSTATUS ioctl. A printer that does not answer is not judged.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "print/printer_output.hpp"

namespace desa::print {

enum class PaperStatus { Present, Out, Unknown };

// DLE EOT 4: the request, and how its one-byte answer reads (bits 5 and 6 set: no paper; fixed
// bits 1 and 4 set, 0 and 7 clear, or it is not a status byte). nullopt for anything else.
inline constexpr char kPaperStatusRequest[] = {0x10, 0x04, 0x04};
std::optional<PaperStatus> read_paper_status_byte(std::uint8_t answer);

// How long a printer gets to answer the status request. Printers that answer do so within a few
// milliseconds; one that never answers costs this much per print.
inline constexpr std::chrono::milliseconds kStatusWait{400};

// Network: a connection of its own, the request, one byte back. Device: LPGETSTATUS (usblp).
// File: Unknown (a file has no paper). Never throws; takes at most `wait` (plus connecting,
// within `wait` too).
PaperStatus paper_status(const PrinterTarget& target, std::chrono::milliseconds wait = kStatusWait);

// send_to_printer, after asking about the paper: PaperOut without sending anything when the
// printer says its roll is empty, so the job is not left in its buffer to come out later.
PrintOutcome print_checking_paper(std::string_view target, std::string_view bytes,
                                  std::chrono::milliseconds timeout = kPrintTimeout);

}  // namespace desa::print
