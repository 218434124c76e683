#pragma once
// Where receipt bytes go: a printer device (/dev/usb/lp0), a file (a real test double, and a
// spool a script can pick up), or a network printer's raw port (host:9100). Every way has a
// deadline: a printer that is off, out of paper or unplugged must never freeze the kiosk.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace desa::print {

struct PrinterTarget {
    enum class Kind { Device, File, Network };
    Kind kind = Kind::File;
    std::string path;  // Device / File
    std::string host;  // Network: a name, an IPv4 address or a bracketed IPv6 address
    int port = 9100;
};

// "/dev/usb/lp0" -> Device; "printer.lan:9100", "192.168.1.50:9100", "[fd00::5]:9100" -> Network;
// anything else with text (e.g. "/var/spool/desa/receipts.bin", "receipts.bin") -> File.
// nullopt for an empty text or a network target with a bad port.
std::optional<PrinterTarget> parse_printer_target(std::string_view text);

enum class PrinterProblem {
    NotConfigured,  // no printer in the config
    BadTarget,      // the configured text is not a usable target
    Missing,        // device absent (unplugged, switched off) or file's folder missing
    NotWritable,    // permission denied, read-only
    Unreachable,    // network printer refused or no route
    Timeout,        // no progress before the deadline (busy, out of paper, host silent)
    WriteFailed,    // any other error while writing
    PaperOut,       // the printer itself reports its paper roll empty (print/printer_status.hpp)
};
std::string_view printer_problem_name(PrinterProblem);  // "not_configured", "missing", ..., "paper_out"

struct PrintOutcome {
    std::optional<PrinterProblem> problem;  // unset: every byte written (and synced for a file)
    std::string detail;                     // strerror-style text for the log; no receipt content
    bool ok() const { return !problem; }
};

inline constexpr std::chrono::milliseconds kPrintTimeout{4000};

// Writes all of `bytes` within `timeout` (connecting included). A file is appended to, like
// paper coming out of a printer, and fsync'ed before success is reported.
PrintOutcome send_to_printer(std::string_view target, std::string_view bytes,
                             std::chrono::milliseconds timeout = kPrintTimeout);
PrintOutcome send_to_printer(const PrinterTarget& target, std::string_view bytes,
                             std::chrono::milliseconds timeout = kPrintTimeout);

}  // namespace desa::print
