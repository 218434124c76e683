// The printed queue ticket: its ESC/POS bytes read back as a printer would (the number large, the
// service, position and wait, the QR command carrying exactly the ticket's signed text), and the
// printer asked about its paper first: a printer reporting "no paper" gets no job (it would sit in
// its buffer), one that does not answer still prints, an absent one is reported as missing.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "escpos_decode.hpp"
#include "status_printer.hpp"
#include "i18n/catalog.hpp"
#include "print/printer_status.hpp"
#include "print/ticket.hpp"
#include "queue/ticket_qr.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::print;
using std::chrono::milliseconds;

namespace {

const i18n::Catalog& catalog() {
    static const auto c = i18n::Catalog::load_dir(test::assets_dir() / "i18n");
    return c;
}

queue::Ticket sample_ticket(queue::Lane lane = queue::Lane::Regular) {
    queue::Ticket t;
    t.id = 7;
    t.service_day = 20251201;
    t.number = "A012";
    t.service_id = t.issued_service_id = "domisili";
    t.lane = lane;
    t.issued_at = 1'764'554'700;  // 2025-12-01 09:05 WIB
    return t;
}

std::string sample_qr(const queue::Ticket& t) {
    static const auto key = sync::make_sign_key_pair();
    return queue::ticket_qr_text(queue::ticket_qr_of(t, "18.01.04.2001"), key.secret_key);
}

std::string slip_bytes(const queue::Ticket& t, std::string service, i18n::Language lang = i18n::Language::Indonesian) {
    const TicketSlipFacts facts{t, {3, 14 * 60 + 10}, std::move(service), "Kantor Desa Hajimena", sample_qr(t)};
    return build_ticket(ticket_slip(facts, catalog(), lang));
}

bool has_line(const test::EscPosDecoded& d, const std::string& needle) {
    for (const auto& l : d.lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("the ticket slip, decoded as a printer reads it", "[escpos][ticket]") {
    const auto t = sample_ticket();
    const std::string bytes = slip_bytes(t, "Surat Keterangan Domisili");
    const auto d = test::decode_escpos(bytes);
    CHECK(d.errors.empty());
    CHECK(d.starts_with_init);
    CHECK(d.ends_with_cut);
    CHECK(d.cuts == 1);
    REQUIRE(d.qr_stored.size() == 1);
    CHECK(d.qr_stored[0] == sample_qr(t));  // exactly the signed text, natively as QR
    CHECK(d.qr_printed == 1);
    CHECK(d.qr_model == 50);
    CHECK(d.qr_error_correction == 49);
    CHECK(std::find(d.sizes.begin(), d.sizes.end(), 0x33) != d.sizes.end());  // the number at 4x4
    CHECK(has_line(d, "NOMOR ANTRIAN"));
    CHECK(has_line(d, "Kantor Desa Hajimena"));
    CHECK(has_line(d, "A012"));
    CHECK(has_line(d, "Surat Keterangan Domisili"));
    CHECK(has_line(d, "Urutan ke-3, perkiraan menunggu"));  // wrapped at 32 columns
    CHECK(has_line(d, "15 menit"));
    CHECK(has_line(d, "01-12-2025 09:05"));
    CHECK(has_line(d, "hari ini saja"));
    for (const auto& l : d.lines) CHECK(l.size() <= 32);  // 58 mm paper
    CHECK_FALSE(has_line(d, "prioritas"));

    const auto en = test::decode_escpos(slip_bytes(sample_ticket(queue::Lane::Priority), "Certificate of domicile",
                                                   i18n::Language::English));
    CHECK(en.errors.empty());
    CHECK(has_line(en, "QUEUE NUMBER"));
    CHECK(has_line(en, "Priority lane"));
    CHECK(has_line(en, "Position 3, estimated wait 15"));
    CHECK(has_line(test::decode_escpos(slip_bytes(sample_ticket(queue::Lane::Appointment), "x")), "Janji temu"));
}

TEST_CASE("a service name from the config cannot inject printer commands", "[escpos][ticket]") {
    const std::string hostile = std::string("Surat\x1b@\x1dV" "A") + std::string(1, '\0') +
                                " \xe2\x80\x9c" "Domisili" "\xe2\x80\x9d \xf0\x9f\x99\x8f";
    const auto d = test::decode_escpos(slip_bytes(sample_ticket(), hostile));
    CHECK(d.errors.empty());
    CHECK(d.cuts == 1);
    CHECK(has_line(d, "\"Domisili\""));
}

TEST_CASE("times on the ticket are the office's, waits round up", "[escpos][ticket]") {
    CHECK(office_time_text(1'764'554'700, queue::kWibOffsetSeconds) == "01-12-2025 09:05");
    CHECK(office_time_text(1'764'554'700, queue::kWitOffsetSeconds) == "01-12-2025 11:05");
    CHECK(office_time_text(1'764'547'199, queue::kWibOffsetSeconds) == "01-12-2025 06:59");
    CHECK(wait_minutes(0) == 0);
    CHECK(wait_minutes(1) == 1);
    CHECK(wait_minutes(60) == 1);
    CHECK(wait_minutes(61) == 2);
}

TEST_CASE("the paper status byte of DLE EOT 4", "[escpos][ticket]") {
    CHECK(read_paper_status_byte(0x12) == PaperStatus::Present);
    CHECK(read_paper_status_byte(0x1E) == PaperStatus::Present);  // near end: still prints
    CHECK(read_paper_status_byte(0x72) == PaperStatus::Out);
    CHECK(read_paper_status_byte(0x32) == PaperStatus::Out);
    CHECK_FALSE(read_paper_status_byte(0x00));
    CHECK_FALSE(read_paper_status_byte(0xFF));
    CHECK_FALSE(read_paper_status_byte('x'));
}

TEST_CASE("paper out: the printer says so, nothing is sent, quickly", "[escpos][ticket]") {
    const std::string job = slip_bytes(sample_ticket(), "Domisili");
    test::StatusPrinter empty(0x72);
    const auto t0 = std::chrono::steady_clock::now();
    const auto out = print_checking_paper(empty.target(), job, milliseconds(8000));
    CHECK(std::chrono::steady_clock::now() - t0 < milliseconds(2000));  // the status wait, not the print timeout
    CHECK(out.problem == PrinterProblem::PaperOut);
    CHECK(printer_problem_name(*out.problem) == "paper_out");
    CHECK(empty.received().empty());
    CHECK(empty.status_requests == 1);
}

TEST_CASE("paper present, or a printer that never answers: the ticket prints", "[escpos][ticket]") {
    const std::string job = slip_bytes(sample_ticket(), "Domisili");
    {
        test::StatusPrinter ready(0x12);
        REQUIRE(print_checking_paper(ready.target(), job).ok());
        const std::string got = ready.received(job.size());
        CHECK(got == job);
        CHECK(test::decode_escpos(got).qr_stored.size() == 1);
    }
    {
        test::StatusPrinter mute(std::nullopt);  // no status support: judged by the job alone
        const auto t0 = std::chrono::steady_clock::now();
        REQUIRE(print_checking_paper(mute.target(), job).ok());
        CHECK(std::chrono::steady_clock::now() - t0 < kStatusWait + milliseconds(1500));
        CHECK(mute.received(job.size()) == job);
    }
}

TEST_CASE("absent printers and plain files", "[escpos][ticket]") {
    const std::string job = slip_bytes(sample_ticket(), "Domisili");
    CHECK(print_checking_paper("/dev/usb/lp-desa-test-absent", job).problem == PrinterProblem::Missing);
    CHECK(print_checking_paper("", job).problem == PrinterProblem::NotConfigured);
    CHECK(print_checking_paper("printer:0", job).problem == PrinterProblem::BadTarget);
    CHECK(paper_status(*parse_printer_target("/dev/null")) == PaperStatus::Unknown);  // not a usblp printer
    CHECK(print_checking_paper("/dev/null", job).ok());
    test::TempDir dir;
    const auto spool = dir / "tickets.bin";
    REQUIRE(print_checking_paper(spool.string(), job).ok());
    CHECK(test::read_file(spool) == job);
    // Refused connection: unreachable, never a hang.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(s);
    CHECK(print_checking_paper("127.0.0.1:" + std::to_string(ntohs(a.sin_port)), job).problem ==
          PrinterProblem::Unreachable);
}
