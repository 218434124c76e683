// Thermal receipts: ESC/POS bytes checked one by one, the whole aspiration receipt decoded as a
// printer reads it (its QR carries exactly the tracking payload; no name, NIK or phone is ever on
// it), and the three ways to a printer: a file (the test double), a device path, and TCP with a
// deadline (a silent or absent printer fails quickly with a clear problem).
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "aspirations/follow_up.hpp"
#include "escpos_decode.hpp"
#include "i18n/catalog.hpp"
#include "print/escpos.hpp"
#include "print/printer_output.hpp"
#include "print/receipt.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::print;
using std::chrono::milliseconds;

namespace {

constexpr const char* kVillage = "18.01.04.2001";

const i18n::Catalog& catalog() {
    static const auto c = i18n::Catalog::load_dir(test::assets_dir() / "i18n");
    return c;
}

std::string bytes(std::initializer_list<int> list) {
    std::string out;
    for (int b : list) out.push_back(static_cast<char>(b));
    return out;
}

aspirations::Receipt sample_receipt(std::string title = "Jalan dusun rusak") {
    return {"7KQMA9XD4B2", "1b4e28ba-2fa1-41d2-883f-0016d3cca427", 1'795'830'000, aspirations::Kind::Complaint,
            aspirations::Category::Infrastructure, aspirations::Identity::Anonymous, std::move(title)};
}

std::string receipt_bytes(const aspirations::Receipt& r, i18n::Language lang = i18n::Language::Indonesian) {
    return build_receipt(aspiration_receipt(r, {kVillage, "Aspirasi Warga - Desa Hajimena"}, catalog(), lang));
}

// A local TCP port nobody listens on: bound, then closed again.
int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(s);
    return ntohs(a.sin_port);
}

// A printer on the loopback: listens, and reads everything (or, when `silent`, never reads).
struct FakeNetworkPrinter {
    int listener = -1;
    int port = 0;
    std::string received;
    std::thread thread;

    explicit FakeNetworkPrinter(bool silent) {
        listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(listener, 1) == 0);
        socklen_t len = sizeof a;
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
        if (!silent)
            thread = std::thread([this] {
                const int c = ::accept(listener, nullptr, nullptr);
                char buf[4096];
                for (ssize_t n; (n = ::read(c, buf, sizeof buf)) > 0;) received.append(buf, static_cast<std::size_t>(n));
                ::close(c);
            });
    }
    ~FakeNetworkPrinter() {
        if (thread.joinable()) thread.join();
        ::close(listener);
    }
    std::string target() const { return "127.0.0.1:" + std::to_string(port); }
};

template <typename F>
milliseconds timed(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - t0);
}

}  // namespace

TEST_CASE("printable_ascii: what a thermal printer can show", "[escpos]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Jalan Dusun II rusak", "Jalan Dusun II rusak"},
        {"Kafe Ñoño café crème", "Kafe Nono cafe creme"},
        {"Straße, Æsir, œuvre", "Strasse, AEsir, oeuvre"},
        {"Łódź, Šiauliai, İzmir", "Lodz, Siauliai, Izmir"},
        {"“kutip” ‘satu’ — a–b …", "\"kutip\" 'satu' - a-b ..."},
        {"e\u0301 (combining)", "e (combining)"},
        {"baris\nbaru\tdan\rtab", "baris baru dan tab"},
        {"Terima kasih 🙏🏽!", "Terima kasih !"},
        {"شكرا RTL", " RTL"},
        {"中文", ""},
        {bytes({0x1B, '@', 0x1D, 'V', 0x41, 0x00, 0x07, 0x7F}) + "ok", "@VAok"},  // no command byte gets through
        {"bad \xC3\x28 utf8 \xFF", "bad ( utf8 "},
        {"\u202Eevil", "evil"},
        {"", ""},
    };
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(printable_ascii(in) == out);
        for (char c : printable_ascii(in)) CHECK((c >= 0x20 && c < 0x7F));
    }
}

TEST_CASE("wrap_lines: greedy wrap, long words split", "[escpos]") {
    using L = std::vector<std::string>;
    CHECK(wrap_lines("", 10) == L{});
    CHECK(wrap_lines("   ", 10) == L{});
    CHECK(wrap_lines("satu dua tiga", 10) == L{"satu dua", "tiga"});
    CHECK(wrap_lines("satu  dua", 20) == L{"satu dua"});
    CHECK(wrap_lines("abcdefghijklmnop", 5) == L{"abcde", "fghij", "klmno", "p"});
    CHECK(wrap_lines("ab abcdefghij", 5) == L{"ab", "abcde", "fghij"});
    CHECK(wrap_lines("12345 12345", 5) == L{"12345", "12345"});
    CHECK(wrap_lines("x", 0) == L{});
}

TEST_CASE("EscPos commands, byte by byte", "[escpos]") {
    CHECK(EscPos().bytes() == bytes({0x1B, '@', 0x1B, 't', 0}));
    const std::string init = EscPos().bytes();
    const auto after_init = [&](const EscPos& p) { return p.bytes().substr(init.size()); };
    CHECK(after_init(EscPos().justify(Justify::Center)) == bytes({0x1B, 'a', 1}));
    CHECK(after_init(EscPos().bold(true).bold(false)) == bytes({0x1B, 'E', 1, 0x1B, 'E', 0}));
    CHECK(after_init(EscPos().size(2, 2)) == bytes({0x1D, '!', 0x11}));
    CHECK(after_init(EscPos().size(1, 1)) == bytes({0x1D, '!', 0x00}));
    CHECK(after_init(EscPos().size(9, 0)) == bytes({0x1D, '!', 0x70}));  // clamped to 8x1
    CHECK(after_init(EscPos().line("Hai")) == "Hai\n");
    CHECK(after_init(EscPos().feed(3)) == bytes({0x1B, 'd', 3}));
    CHECK(after_init(EscPos().cut()) == bytes({0x1D, 'V', 66, 3}));
    // QR: model 2, module 6, error correction M, store "AB", print.
    CHECK(after_init(EscPos().qr("AB", 6)) == bytes({0x1D, '(', 'k', 4, 0, 49, 65, 50, 0,      // model 2
                                                     0x1D, '(', 'k', 3, 0, 49, 67, 6,          // module size
                                                     0x1D, '(', 'k', 3, 0, 49, 69, 49,         // level M
                                                     0x1D, '(', 'k', 5, 0, 49, 80, 48, 'A', 'B',  // store
                                                     0x1D, '(', 'k', 3, 0, 49, 81, 48}));      // print
    // pL/pH carry sizes above 255.
    const std::string big(300, 'Z');
    const auto d = test::decode_escpos(EscPos().qr(big).bytes());
    REQUIRE(d.qr_stored.size() == 1);
    CHECK(d.qr_stored[0] == big);
    CHECK(d.errors.empty());
    CHECK_THROWS_AS(EscPos().qr(""), std::invalid_argument);
    CHECK_THROWS_AS(EscPos().qr(std::string(kQrMaxBytes + 1, 'x')), std::invalid_argument);
}

TEST_CASE("the aspiration receipt, decoded as a printer reads it", "[escpos]") {
    for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English}) {
        const auto r = sample_receipt();
        const auto d = test::decode_escpos(receipt_bytes(r, lang));
        INFO(i18n::language_code(lang));
        CHECK(d.errors.empty());
        CHECK(d.starts_with_init);
        CHECK(d.ends_with_cut);
        CHECK(d.cuts == 1);
        REQUIRE(d.qr_stored.size() == 1);
        CHECK(d.qr_stored[0] == aspirations::receipt_qr_text(kVillage, r.tracking_code));
        CHECK(d.qr_stored[0] == "DESA-ASPIRASI:18.01.04.2001:7KQMA9XD4B2");
        CHECK(d.qr_printed == 1);
        CHECK(d.qr_model == 50);
        CHECK(d.qr_error_correction == 49);
        CHECK(d.qr_module == 6);
        CHECK(d.bold_seen);
        CHECK(std::count(d.sizes.begin(), d.sizes.end(), 0x11) == 2);  // the title and the code
        CHECK(std::find(d.lines.begin(), d.lines.end(), "7KQM-A9XD-4B2") != d.lines.end());
        // 32 columns in the normal size (and the double-size lines are at most 16).
        for (const auto& l : d.lines) CHECK(l.size() <= 32);
        bool has_title = false;
        for (const auto& l : d.lines) has_title = has_title || l.find("Jalan dusun rusak") != std::string::npos;
        CHECK(has_title);
        // Kinds, categories and identities are words, never raw ids.
        for (const auto& l : d.lines) CHECK(l.find("follow_up.") == std::string::npos);
    }
    // Every kind, category and identity has its word in both languages.
    for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English}) {
        for (auto k : aspirations::kKinds) CHECK(catalog().has(lang, "follow_up.kind." + std::string(aspirations::kind_name(k))));
        for (auto c : aspirations::kCategories)
            CHECK(catalog().has(lang, "follow_up.category." + std::string(aspirations::category_name(c))));
        for (auto i : aspirations::kIdentities)
            CHECK(catalog().has(lang, "follow_up.identity." + std::string(aspirations::identity_name(i))));
    }
}

TEST_CASE("a hostile or foreign title cannot inject printer commands", "[escpos]") {
    const auto d = test::decode_escpos(receipt_bytes(sample_receipt(bytes({0x1B, '@', 0x1D, 'V', 65, 0}) + "Jalan “rusak” 🙏 شكرا")));
    CHECK(d.errors.empty());
    CHECK(d.cuts == 1);
    CHECK(d.qr_stored.size() == 1);
    bool shown = false;
    for (const auto& l : d.lines) shown = shown || l.find("Jalan \"rusak\"") != std::string::npos;
    CHECK(shown);
}

TEST_CASE("no personal data ever reaches the receipt", "[escpos]") {
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    const auto province = security::make_box_key_pair();
    const std::string name = "Siti Aminah", nik = "1801044505870003", phone = "081234567890";
    for (const auto identity : {aspirations::Identity::Confidential, aspirations::Identity::Named}) {
        aspirations::Accepted a{aspirations::Kind::Complaint, aspirations::Category::PublicService,
                                identity == aspirations::Identity::Named ? "Pelayanan KTP lambat" : "Antrean surat lama",
                                "Pengurusan surat keterangan memakan waktu dua minggu.", "Dusun II", "3", "4",
                                std::nullopt, {}, identity, name, nik, "+6281234567890"};
        const auto result = aspirations::submit(db, a, {kVillage, province.public_key, 10}, 1'795'830'000);
        REQUIRE(result.receipt);
        for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English}) {
            const std::string printed = receipt_bytes(*result.receipt, lang);
            for (const std::string& secret : {name, std::string("Siti"), std::string("Aminah"), nik, nik.substr(0, 6),
                                              nik.substr(6, 6), phone, phone.substr(1), std::string("34567890"),
                                              std::string("Dusun II")})
                CHECK(printed.find(secret) == std::string::npos);
            // Nor the outbox id (it links the paper to the sealed record).
            CHECK(printed.find(result.receipt->uuid) == std::string::npos);
        }
    }
}

TEST_CASE("printer targets: device, file or host:port", "[escpos]") {
    using K = PrinterTarget::Kind;
    struct Case {
        std::string text;
        std::optional<K> kind;
        std::string where;
        int port = 0;
    };
    const std::vector<Case> cases{
        {"/dev/usb/lp0", K::Device, "/dev/usb/lp0"},
        {"/var/spool/desa/receipts.bin", K::File, "/var/spool/desa/receipts.bin"},
        {"./receipts.bin", K::File, "./receipts.bin"},
        {"receipts.bin", K::File, "receipts.bin"},
        {"192.168.1.50:9100", K::Network, "192.168.1.50", 9100},
        {"printer.lan:9100", K::Network, "printer.lan", 9100},
        {"[fd00::5]:9100", K::Network, "fd00::5", 9100},
        {"printer:1", K::Network, "printer", 1},
        {"printer:65535", K::Network, "printer", 65535},
        {"", std::nullopt, ""},
        {"printer:0", std::nullopt, ""},
        {"printer:65536", std::nullopt, ""},
        {"printer:91a0", std::nullopt, ""},
        {"printer:", std::nullopt, ""},
        {"printer:+9100", std::nullopt, ""},
        {"fd00::5:9100", std::nullopt, ""},
        {"[fd00::5:9100", std::nullopt, ""},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto t = parse_printer_target(c.text);
        REQUIRE(t.has_value() == c.kind.has_value());
        if (!t) continue;
        CHECK(t->kind == *c.kind);
        CHECK((t->kind == K::Network ? t->host : t->path) == c.where);
        if (t->kind == K::Network) CHECK(t->port == c.port);
    }
    CHECK(send_to_printer("", "x").problem == PrinterProblem::NotConfigured);
    CHECK(send_to_printer("printer:99999", "x").problem == PrinterProblem::BadTarget);
}

TEST_CASE("a file as printer: every byte appended and synced", "[escpos]") {
    test::TempDir dir;
    const auto file = dir / "receipts.bin";
    const std::string one = receipt_bytes(sample_receipt());
    REQUIRE(send_to_printer(file.string(), one).ok());
    CHECK(test::read_file(file) == one);
    REQUIRE(send_to_printer(file.string(), one).ok());  // the next receipt follows, like paper
    CHECK(test::read_file(file) == one + one);
    const auto d = test::decode_escpos(test::read_file(file));
    CHECK(d.qr_stored.size() == 2);
    CHECK(d.cuts == 2);
    CHECK(d.errors.empty());
    struct stat st{};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // a spool of receipts is not for everyone to read

    CHECK(send_to_printer((dir / "no-such-dir/receipts.bin").string(), one).problem == PrinterProblem::Missing);
    CHECK(send_to_printer(dir.path().string() + "/", one).problem == PrinterProblem::NotWritable);  // a folder
    if (::geteuid() != 0) {  // root writes anyway
        const auto locked = dir / "locked.bin";
        test::write_file(locked, "");
        ::chmod(locked.c_str(), 0400);
        CHECK(send_to_printer(locked.string(), one).problem == PrinterProblem::NotWritable);
    }
}

TEST_CASE("a device path: absent printer is Missing, never created", "[escpos]") {
    const auto absent = send_to_printer("/dev/usb/lp-desa-test-absent", "x");
    CHECK(absent.problem == PrinterProblem::Missing);
    CHECK_FALSE(std::filesystem::exists("/dev/usb/lp-desa-test-absent"));
    CHECK(send_to_printer("/dev/null", receipt_bytes(sample_receipt())).ok());  // a character device
}

TEST_CASE("a network printer: bytes arrive, refused, silent and unroutable hosts fail quickly", "[escpos]") {
    const std::string receipt = receipt_bytes(sample_receipt());
    {
        FakeNetworkPrinter printer(false);
        REQUIRE(send_to_printer(printer.target(), receipt).ok());
        printer.thread.join();
        CHECK(printer.received == receipt);
        CHECK(test::decode_escpos(printer.received).qr_stored.size() == 1);
    }
    PrintOutcome refused;
    const auto refused_time = timed([&] { refused = send_to_printer("127.0.0.1:" + std::to_string(free_port()), receipt); });
    CHECK(refused.problem == PrinterProblem::Unreachable);
    CHECK(refused_time < milliseconds(1000));
    CHECK_FALSE(refused.detail.empty());

    // Accepts the connection but never reads (out of paper): the write times out, no hang.
    {
        FakeNetworkPrinter silent(true);
        const std::string job(64 * 1024 * 1024, 'x');
        PrintOutcome out;
        const auto t = timed([&] { out = send_to_printer(silent.target(), job, milliseconds(300)); });
        CHECK(out.problem == PrinterProblem::Timeout);
        CHECK(t < milliseconds(2000));
    }
    // TEST-NET-1 is never routed: a timeout, or "unreachable" at once where there is no route.
    PrintOutcome unroutable;
    const auto t = timed([&] { unroutable = send_to_printer("192.0.2.1:9100", receipt, milliseconds(300)); });
    CHECK((unroutable.problem == PrinterProblem::Timeout || unroutable.problem == PrinterProblem::Unreachable));
    CHECK(t < milliseconds(2000));
}
