// Region registry: the real Lampung file, RFC 4180 details, and malformed rows named by line.
#include <catch2/catch.hpp>

#include "regions/region_registry.hpp"
#include "test_support.hpp"

using desa::regions::Region;
using desa::regions::RegionLevel;
using desa::regions::RegionRegistry;

namespace {

const RegionRegistry& lampung() {
    static const RegionRegistry registry =
        RegionRegistry::load_csv(desa::test::assets_dir() / "regions" / "wilayah-lampung.csv");
    return registry;
}

constexpr const char* kHeader = "code,parent_code,level,name\n";

}  // namespace

TEST_CASE("the shipped Lampung file loads completely", "[regions]") {
    const RegionRegistry& r = lampung();
    CHECK(r.size() == 2896);

    const Region* hajimena = r.find("18.01.04.2001");
    REQUIRE(hajimena != nullptr);
    CHECK(hajimena->name == "Hajimena");
    CHECK(hajimena->level == RegionLevel::Village);
    CHECK(hajimena->parent_code == "18.01.04");

    const auto chain = r.ancestry("18.01.04.2001");
    REQUIRE(chain.size() == 4);
    CHECK(chain[0]->name == "Lampung");
    CHECK(chain[0]->level == RegionLevel::Province);
    CHECK(chain[0]->parent_code.empty());
    CHECK(chain[1]->name == "Kabupaten Lampung Selatan");
    CHECK(chain[1]->level == RegionLevel::Regency);
    CHECK(chain[2]->name == "Natar");
    CHECK(chain[2]->level == RegionLevel::District);
    CHECK(chain[3] == hajimena);

    CHECK(r.ancestry("18").size() == 1);
    CHECK(r.ancestry("18.01.04.9999").empty());
    CHECK(r.find("31.71") == nullptr);  // Jakarta is not in the Lampung file
    CHECK(r.find("") == nullptr);
}

TEST_CASE("a NIK's first six digits name its kecamatan", "[regions]") {
    struct Row {
        const char* prefix;
        const char* district;  // nullptr: no district
    };
    const std::vector<Row> rows{
        {"180104", "Natar"},
        {"180100", nullptr},   // no kecamatan 00
        {"317101", nullptr},   // outside Lampung
        {"18010", nullptr},    // too short
        {"1801041", nullptr},  // too long
        {"18010a", nullptr},
        {"18.01.", nullptr},
        {"", nullptr},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION("prefix '" << row.prefix << "'") {
            const Region* d = lampung().district_for_nik_prefix(row.prefix);
            if (row.district == nullptr) {
                CHECK(d == nullptr);
            } else {
                REQUIRE(d != nullptr);
                CHECK(d->name == row.district);
                CHECK(d->code == "18.01.04");
            }
        }
    }
}

TEST_CASE("village code shape", "[regions]") {
    const std::vector<std::pair<const char*, bool>> rows{
        {"18.01.04.2001", true},  {"11.01.01.1001", true},  {"18.01.04", false},
        {"18.01.04.201", false},  {"18.01.04.20011", false}, {"18.1.04.2001", false},
        {"18-01-04-2001", false}, {"18.01.04.2O01", false},  {" 18.01.04.2001", false},
        {"", false},
    };
    for (const auto& [code, expected] : rows) {
        DYNAMIC_SECTION("'" << code << "'") { CHECK(desa::regions::looks_like_village_code(code) == expected); }
    }
}

TEST_CASE("RFC 4180 quoting, CRLF and file order", "[regions]") {
    const std::string text =
        "\xEF\xBB\xBF"
        "code,parent_code,level,name\r\n"
        "18.01.04.2001,18.01.04,desa_kelurahan,\"Hajimena, \"\"Lama\"\"\"\r\n"  // child before parent
        "18.01.04,18.01,kecamatan,\"Natar\"\r\n"
        "18,,provinsi,Lampung\r\n"
        "\r\n"
        "18.01,18,kabupaten_kota,\"Kabupaten\r\nLampung Selatan\"";  // no final line break
    const RegionRegistry r = RegionRegistry::parse_csv(text, "inline.csv");
    CHECK(r.size() == 4);
    CHECK(r.find("18.01.04.2001")->name == "Hajimena, \"Lama\"");
    CHECK(r.find("18.01.04")->name == "Natar");
    CHECK(r.find("18.01")->name == "Kabupaten\r\nLampung Selatan");
    CHECK(r.ancestry("18.01.04.2001").size() == 4);
}

TEST_CASE("malformed region files are rejected naming source and line", "[regions]") {
    struct Row {
        const char* name;
        std::string text;
        const char* expected;  // "source:line: fragment"
    };
    const std::string h = kHeader;
    const std::vector<Row> rows{
        {"empty file", "", "bad.csv:1: empty file"},
        {"wrong header", "kode,induk,tingkat,nama\n18,,provinsi,Lampung\n", "bad.csv:1: expected header"},
        {"unterminated quote", h + "18,,provinsi,\"Lampung\n18.01,18,kabupaten_kota,X\n",
         "bad.csv:2: quoted field is not closed"},
        {"quote inside a field", h + "18,,provinsi,Lam\"pung\n", "bad.csv:2: quote inside an unquoted field"},
        {"text after a closing quote", h + "18,,provinsi,\"Lampung\" Raya\n",
         "bad.csv:2: unexpected text after a closing quote"},
        {"missing column", h + "18,,provinsi,Lampung\n18.01,18,kabupaten_kota\n",
         "bad.csv:3: expected 4 columns (code,parent_code,level,name), found 3"},
        {"extra column", h + "18,,provinsi,Lampung,Sumatra\n", "bad.csv:2: expected 4 columns"},
        {"unknown level", h + "18,,propinsi,Lampung\n", "bad.csv:2: unknown level 'propinsi'"},
        {"code shape does not fit the level", h + "18,,provinsi,Lampung\n18.01,18,kecamatan,Natar\n",
         "bad.csv:3: code '18.01' does not have the shape NN.NN.NN of a kecamatan"},
        {"letters in a code", h + "18,,provinsi,Lampung\n18.0I,18,kabupaten_kota,X\n",
         "bad.csv:3: code '18.0I' does not have the shape NN.NN"},
        {"parent column disagrees with the code", h + "18,,provinsi,Lampung\n18.01,19,kabupaten_kota,X\n",
         "bad.csv:3: parent_code '19' does not match code '18.01'"},
        {"province with a parent", h + "18,17,provinsi,Lampung\n", "bad.csv:2: parent_code '17'"},
        {"orphan", h + "18,,provinsi,Lampung\n18.02.01,18.02,kecamatan,X\n",
         "bad.csv:3: parent '18.02' of '18.02.01' is not in the file"},
        {"duplicate code", h + "18,,provinsi,Lampung\n18,,provinsi,Lampung\n",
         "bad.csv:3: duplicate code '18' (first on line 2)"},
        {"empty name", h + "18,,provinsi,\n", "bad.csv:2: name is empty"},
        {"line numbers count breaks inside quotes",
         h + "18,,provinsi,\"Lam\npung\"\n18.01,18,kabupaten_kota,X,Y\n", "bad.csv:4: expected 4 columns"},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.name) {
            CHECK_THROWS_WITH(RegionRegistry::parse_csv(row.text, "bad.csv"), Catch::StartsWith(row.expected));
        }
    }
}

TEST_CASE("a missing region file is an error naming it", "[regions]") {
    desa::test::TempDir dir;
    CHECK_THROWS_WITH(RegionRegistry::load_csv(dir / "nope.csv"),
                      Catch::Contains("nope.csv") && Catch::Contains("No such file or directory"));
}
