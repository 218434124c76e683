// Member card codes: random, unambiguous, typo-catching; the card's QR text and its parser; and the
// scan pipeline reporting member cards from real PNG pictures.
#include <catch2/catch.hpp>

#include <set>

#include "barcode_png.hpp"
#include "lending/member_card.hpp"
#include "scan/barcode_scan.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::lending;

namespace {

// Flips one character to each other symbol of the alphabet.
std::vector<std::string> every_single_substitution(const std::string& code) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < code.size(); ++i)
        for (char c : kCardAlphabet)
            if (c != code[i]) {
                std::string typo = code;
                typo[i] = c;
                out.push_back(typo);
            }
    return out;
}

}  // namespace

TEST_CASE("new card codes are valid, unambiguous and different", "[member_card]") {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const std::string code = new_card_code();
        REQUIRE(code.size() == kCardCodeLength);
        REQUIRE(code.find_first_of("01OIL") == std::string::npos);
        const CardCheck check = check_card_code(code);
        REQUIRE(check.code);
        REQUIRE(*check.code == code);
        seen.insert(code);
    }
    CHECK(seen.size() == 2000);  // 31^8 codes: a repeat here would mean a broken generator
}

TEST_CASE("a typed card code is read whatever its case, spaces and dashes", "[member_card]") {
    const std::string code = new_card_code();
    const std::string grouped = group_card_code(code);
    REQUIRE(grouped.size() == 11);
    CHECK(grouped[3] == '-');
    CHECK(grouped[7] == '-');
    std::string lower = grouped;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string spaced = code.substr(0, 3) + " " + code.substr(3, 3) + "  " + code.substr(6);
    for (const std::string& typed : {code, grouped, lower, spaced, " " + grouped + " ", "-" + code + "-"}) {
        INFO(typed);
        const CardCheck check = check_card_code(typed);
        REQUIRE(check.code);
        CHECK(*check.code == code);
    }
    CHECK(group_card_code("ABC") == "ABC");  // not a code: unchanged
}

TEST_CASE("every single typo and every swap of neighbours is caught", "[member_card]") {
    for (int n = 0; n < 50; ++n) {
        const std::string code = new_card_code();
        for (const std::string& typo : every_single_substitution(code)) {
            INFO(code << " -> " << typo);
            const CardCheck check = check_card_code(typo);
            REQUIRE_FALSE(check.code);
            REQUIRE(check.problem == CardProblem::CheckFailed);
        }
        for (std::size_t i = 0; i + 1 < code.size(); ++i) {
            if (code[i] == code[i + 1]) continue;
            std::string swapped = code;
            std::swap(swapped[i], swapped[i + 1]);
            INFO(code << " -> " << swapped);
            REQUIRE(check_card_code(swapped).problem == CardProblem::CheckFailed);
        }
    }
}

TEST_CASE("bad card codes are refused with the specific problem", "[member_card]") {
    const std::string code = new_card_code();
    struct Case {
        std::string typed;
        CardProblem problem;
    };
    const Case cases[] = {
        {"", CardProblem::Empty},
        {"  - -  ", CardProblem::Empty},
        {"K7MQ9XD40", CardProblem::BadCharacter},   // zero
        {"K7MQ9XDO4", CardProblem::BadCharacter},   // letter O
        {"K7MQ9XD1P", CardProblem::BadCharacter},
        {"K7MQ9XDIP", CardProblem::BadCharacter},
        {"K7MQ9XDLP", CardProblem::BadCharacter},
        {"K7M_Q9X_D4P", CardProblem::BadCharacter},
        {"K7M.Q9X.D4P", CardProblem::BadCharacter},
        {"KÉMQ9XD4P", CardProblem::BadCharacter},
        {code.substr(0, 8), CardProblem::WrongLength},
        {code + "2", CardProblem::WrongLength},
        {"K7M", CardProblem::WrongLength},
        {std::string(200, 'A'), CardProblem::WrongLength},
    };
    for (const auto& c : cases) {
        INFO("'" << c.typed << "' expected " << card_problem_name(c.problem));
        const CardCheck check = check_card_code(c.typed);
        CHECK_FALSE(check.code);
        CHECK(check.problem == c.problem);
    }
}

TEST_CASE("the card's QR text names the village and the code, and is parsed back strictly", "[member_card]") {
    const std::string code = new_card_code();
    const std::string payload = member_card_payload("18.01.04.2001", code);
    CHECK(payload == "DESA-PERPUS:18.01.04.2001:" + code);
    const PayloadCheck parsed = parse_member_card_payload(payload);
    CHECK(parsed.is_member_card);
    REQUIRE(parsed.card);
    CHECK(parsed.card->village_code == "18.01.04.2001");
    CHECK(parsed.card->code == code);

    struct Bad {
        std::string text;
        bool is_card;
    };
    std::string typo = code;
    typo[4] = typo[4] == 'A' ? 'B' : 'A';
    const Bad bad[] = {
        {"", false},
        {"Perpustakaan Desa Hajimena", false},
        {"desa-perpus:18.01.04.2001:" + code, false},  // written by us in capitals only
        {"DESA-PERPUS:", true},
        {"DESA-PERPUS:18.01.04.2001", true},
        {"DESA-PERPUS:18.01.04.2001:", true},
        {"DESA-PERPUS:18.01.04:" + code, true},
        {"DESA-PERPUS:18-01-04-2001:" + code, true},
        {"DESA-PERPUS:18.01.04.2001:" + group_card_code(code), true},  // payload holds the bare code
        {"DESA-PERPUS:18.01.04.2001:" + typo, true},
        {"DESA-PERPUS:18.01.04.2001:" + code + ":extra", true},
        {"DESA-PERPUS:18.01.04.2001:" + code + "\n", true},
    };
    for (const auto& b : bad) {
        INFO("'" << b.text << "'");
        const PayloadCheck p = parse_member_card_payload(b.text);
        CHECK(p.is_member_card == b.is_card);
        CHECK_FALSE(p.card);
        if (b.is_card) CHECK(p.problem == CardProblem::DamagedPayload);
    }
}

TEST_CASE("the card field takes a typed code or a scanner's QR text of this village", "[member_card]") {
    const std::string code = new_card_code();
    const std::string own = "18.01.04.2001";
    CHECK(read_card_entry(group_card_code(code), own).code == code);
    CHECK(read_card_entry(member_card_payload(own, code), own).code == code);
    CHECK(read_card_entry(" " + member_card_payload(own, code) + "\r\n", own).code == code);  // scanner's Enter
    const CardCheck other = read_card_entry(member_card_payload("18.71.01.1001", code), own);
    CHECK_FALSE(other.code);
    CHECK(other.problem == CardProblem::OtherVillage);
    CHECK(read_card_entry("DESA-PERPUS:garbage", own).problem == CardProblem::DamagedPayload);
    CHECK(read_card_entry("", own).problem == CardProblem::Empty);
}

TEST_CASE("the scan pipeline reports member cards from real pictures", "[member_card][scan]") {
    test::TempDir dir;
    const std::string code = new_card_code();
    std::string typo = code;
    typo[0] = typo[0] == 'A' ? 'B' : 'A';
    struct Case {
        std::string text;
        scan::CodeKind kind;
        scan::Verdict verdict;
        std::string value;
    };
    const Case cases[] = {
        {member_card_payload("18.01.04.2001", code), scan::CodeKind::Member, scan::Verdict::Valid, code},
        {"DESA-PERPUS:18.01.04.2001:" + typo, scan::CodeKind::Member, scan::Verdict::Invalid, ""},
        {"DESA-PERPUS:nonsense", scan::CodeKind::Member, scan::Verdict::Invalid, ""},
        {"Perpustakaan Desa", scan::CodeKind::Unknown, scan::Verdict::Invalid, ""},
    };
    int n = 0;
    for (const auto& c : cases) {
        INFO(c.text);
        const auto file = dir / ("card" + std::to_string(n++) + ".png");
        test::write_barcode_png(file, ZXing::BarcodeFormat::QRCode, c.text);
        std::string error;
        const auto image = scan::load_image(file, error);
        REQUIRE(image);
        const auto codes = scan::read_codes(*image);
        REQUIRE(codes.size() == 1);
        CHECK(codes[0].text == c.text);
        CHECK(codes[0].kind == c.kind);
        CHECK(codes[0].verdict == c.verdict);
        CHECK(codes[0].value == c.value);
    }
    CHECK(scan::kind_name(scan::CodeKind::Member) == "member");
    // The same text from a spine-label barcode is still a member card (a printed card may use one).
    CHECK(scan::classify("Code128", member_card_payload("18.01.04.2001", code)).kind == scan::CodeKind::Member);
}
