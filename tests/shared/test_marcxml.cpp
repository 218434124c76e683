// MARCXML (LoC slim schema): the same mapping as ISO 2709, skipped records with their line, and
// malformed or truncated XML refused as a whole.
#include <catch2/catch.hpp>

#include "catalog/import_marc.hpp"
#include "catalog/import_marcxml.hpp"
#include "catalog_checks.hpp"
#include "test_support.hpp"

using namespace desa::catalog;
using desa::test::any_contains;
using desa::test::catalog_fixture;

TEST_CASE("MARCXML and ISO 2709 map the same record the same way", "[marcxml]") {
    const ParseResult xml = read_marcxml(catalog_fixture("good.xml"));
    const ParseResult iso = read_marc(catalog_fixture("good.mrc"));
    REQUIRE_FALSE(xml.records.empty());
    REQUIRE_FALSE(iso.records.empty());
    CHECK(xml.records[0].record.title == "Laskar pelangi");
    desa::test::check_same_record(xml.records[0].record, iso.records[0].record);
    CHECK(xml.records[0].where.line == 4);
    CHECK(xml.records[0].where.record_number == 1);
}

TEST_CASE("MARCXML records: entities, RDA 264, packed language codes, holdings", "[marcxml]") {
    const ParseResult r = read_marcxml(catalog_fixture("good.xml"));
    REQUIRE(r.records.size() == 2);
    const ParsedRecord& trubus = r.records[1];
    CHECK(trubus.where.record_number == 3);
    CHECK(trubus.record.title == "Trubus & Kebun");
    CHECK(trubus.record.subtitle == "majalah pertanian <bulanan> Caf\u00E9 J\u00FCrgen");
    CHECK(trubus.record.material_type == "magazine");  // leader/07 's'
    CHECK(trubus.record.place == "Depok");
    CHECK(trubus.record.publisher == "Trubus Swadaya");
    CHECK(trubus.record.year == 2020);  // 264 second indicator 1, not the copyright date
    CHECK(trubus.record.language == "ind");
    REQUIRE(trubus.record.copies.size() == 2);
    CHECK(trubus.record.copies[0].barcode.empty());  // a holding without barcode: an unlabelled copy
    CHECK(trubus.record.copies[0].location == "Rak Majalah");
    CHECK(trubus.record.copies[1].barcode == "M0001");
    CHECK_FALSE(trubus.copy_status_known);
    CHECK(any_contains(trubus.warnings, "subfield without code"));

    REQUIRE(r.skipped.size() == 2);
    CHECK(r.skipped[0].where.record_number == 2);
    CHECK_THAT(r.skipped[0].reason, Catch::Contains("245"));
    CHECK(describe(r.skipped[0].where) == "record 2 (line " + std::to_string(r.skipped[0].where.line) + ")");
    CHECK(r.skipped[0].where.line > 50);
    CHECK(r.skipped[1].where.record_number == 4);
    CHECK_THAT(r.skipped[1].reason, Catch::Contains("no valid tag attribute"));
}

TEST_CASE("broken MARCXML files are refused with the line", "[marcxml]") {
    struct Row {
        std::string name;
        std::string bytes;
        std::string message;
    };
    const std::vector<Row> rows{
        {"malformed.xml", catalog_fixture("malformed.xml"), "malformed XML at line 7"},
        {"truncated.xml", catalog_fixture("truncated.xml"), "malformed XML at line 37"},
        {"empty", "", "malformed XML at line 1"},
        {"not MARC", "<html><body><p>Halo</p></body></html>", "not MARCXML: the root element is <html>"},
        {"text", "judul,pengarang\n", "malformed XML"},
        {"two roots", "<collection/><collection/>", "malformed XML"},
    };
    for (const auto& row : rows) {
        DYNAMIC_SECTION(row.name) {
            try {
                read_marcxml(row.bytes);
                FAIL("no error");
            } catch (const ImportFormatError& e) {
                CHECK_THAT(e.what(), Catch::Contains(row.message));
            }
        }
    }
}

TEST_CASE("MARCXML variants", "[marcxml]") {
    SECTION("default namespace, no prefix") {
        const auto r = read_marcxml(std::string(
            "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000nam  2200000 c 4500</leader>"
            "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Satu</subfield></datafield>"
            "</record></collection>"));
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].record.title == "Satu");
    }
    SECTION("no namespace at all, a single record as root") {
        const auto r = read_marcxml(std::string(
            "<record><datafield tag=\"245\"><subfield code=\"a\">Dua /</subfield></datafield></record>"));
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].record.title == "Dua");
    }
    SECTION("records inside an OAI-PMH response") {
        const auto r = read_marcxml(std::string(
            "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header/><metadata>"
            "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\"><marc:datafield tag=\"245\" ind1=\"0\" "
            "ind2=\"0\"><marc:subfield code=\"a\">Tiga</marc:subfield></marc:datafield></marc:record>"
            "</metadata></record></ListRecords></OAI-PMH>"));
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].record.title == "Tiga");
    }
    SECTION("an empty collection is no error") {
        const auto r = read_marcxml(std::string("<?xml version=\"1.0\"?><collection/>"));
        CHECK(r.records.empty());
        CHECK(r.skipped.empty());
    }
    SECTION("Latin-1 declared encoding is converted") {
        const auto r = read_marcxml(std::string(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><record><datafield tag=\"245\">"
            "<subfield code=\"a\">Caf\xE9</subfield></datafield></record>"));
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].record.title == "Caf\u00E9");
    }
}

TEST_CASE("an exception from the sink leaves the XML reader cleanly", "[marcxml]") {
    RecordSink sink;
    sink.on_record = [](ParsedRecord&&) { throw std::runtime_error("disk full"); };
    sink.on_skipped = [](SkippedRecord&&) {};
    CHECK_THROWS_WITH(read_marcxml(catalog_fixture("good.xml"), sink), "disk full");
}

TEST_CASE("MARCXML cut off anywhere is refused, never half read", "[marcxml]") {
    const std::string good = catalog_fixture("good.xml");
    for (std::size_t length = 0; length + 1 < good.size(); length += 7) {
        // Everything but the last line break is needed: cut earlier, the XML is incomplete.
        CHECK_THROWS_AS(read_marcxml(std::string_view(good).substr(0, length)), ImportFormatError);
    }
    CHECK_NOTHROW(read_marcxml(good));
}
