// Importing files into kiosk.db and exporting them again: one transaction per file, broken records
// skipped with their position, broken files rolled back whole, loans kept on re-import, goodbooks-10k
// in full, export -> import round trips through the database, and the import rate.
#include <catch2/catch.hpp>

#include <chrono>

#include "catalog/catalog_export.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/catalog_store.hpp"
#include "catalog/marc_mapping.hpp"
#include "catalog/search.hpp"
#include "storage/kiosk_schema.hpp"
#include "catalog_checks.hpp"
#include "test_support.hpp"

using namespace desa::catalog;
using desa::storage::Database;

namespace {

std::filesystem::path fixture_path(const char* name) {
    return std::filesystem::path(DESA_TEST_DATA_DIR) / "catalog" / name;
}
std::string fixture(const char* name) { return desa::test::read_file(fixture_path(name)); }

struct Kiosk {
    desa::test::TempDir dir;
    Database db = desa::storage::open_kiosk_database(dir.path());

    std::vector<Record> records() {
        std::vector<Record> out;
        CatalogStore(db).for_each([&out](const Record& r) { out.push_back(r); });
        return out;
    }
    std::optional<Record> by_control(std::string_view cn) {
        CatalogStore store(db);
        const auto id = store.find_by_control_number(cn);
        return id ? store.get(*id) : std::nullopt;
    }
};

std::string describe_outcome(const ImportReport& r) { return describe(r); }


// A varied synthetic catalogue: Indonesian and English titles, several authors, copies.
Record synthetic_record(std::size_t i) {
    static const char* const kWords[] = {"Sejarah", "Petani", "Desa", "Cerita", "Rakyat", "Lampung", "Garden",
                                         "River", "Ilmu",    "Kebun", "Anak",   "Harimau", "Sungai", "Night"};
    static const char* const kNames[] = {"Hirata, Andrea", "Toer, Pramoedya", "Smith, John", "Wulan, Sri",
                                         "Lestari, Dee",   "Collins, Suzanne"};
    Record r;
    r.control_number = "SYN" + std::to_string(i);
    r.title = std::string(kWords[i % 14]) + " " + kWords[(i / 14) % 14] + " " + std::to_string(i);
    r.subtitle = i % 3 == 0 ? "panduan praktis" : "";
    r.authors = {kNames[i % 6]};
    if (i % 4 == 0) r.authors.push_back(kNames[(i + 1) % 6]);
    r.subjects = {kWords[(i + 3) % 14], "Indonesia -- Sejarah"};
    r.publisher = i % 2 ? "Gramedia" : "Balai Pustaka";
    r.place = "Jakarta";
    r.year = 1950 + static_cast<int>(i % 70);
    r.language = i % 5 == 0 ? "eng" : "ind";
    r.call_number = std::to_string(300 + i % 600) + " " + kWords[i % 14];
    r.notes = "Catatan " + std::to_string(i);
    r.copies = {
        Copy{0, "S" + std::to_string(i) + "-1", "Rak " + std::to_string(i % 20), "", CopyStatus::Available, {}}};
    return r;
}

}  // namespace

TEST_CASE("format detection by content", "[catalog_import]") {
    const std::vector<std::pair<std::string, std::optional<ImportFormat>>> rows{
        {fixture("good.mrc"), ImportFormat::Marc},
        {"\n" + fixture("good.mrc"), ImportFormat::Marc},
        {fixture("good.xml"), ImportFormat::MarcXml},
        {"<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>", ImportFormat::MarcXml},
        {"\xEF\xBB\xBF<?xml version=\"1.0\"?><collection/>", ImportFormat::MarcXml},
        {fixture("slims_export.csv"), ImportFormat::Csv},
        {fixture("generic.csv"), ImportFormat::Csv},
        {"judul;pengarang\n", ImportFormat::Csv},
        {"", std::nullopt},
        {"   \n\n", std::nullopt},
        {"just some words\n", std::nullopt},
        {std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10), std::nullopt},
    };
    for (std::size_t i = 0; i < rows.size(); ++i)
        DYNAMIC_SECTION("row " << i) { CHECK(detect_import_format(rows[i].first) == rows[i].second); }
    CHECK(import_format_from_name("MARC") == ImportFormat::Marc);
    CHECK(import_format_from_name("marcxml") == ImportFormat::MarcXml);
    CHECK(import_format_from_name(" csv ") == ImportFormat::Csv);
    CHECK_FALSE(import_format_from_name("pdf"));
}

TEST_CASE("import adds, re-import updates what has a control number or ISBN", "[catalog_import]") {
    Kiosk k;
    const ImportReport first = import_file(k.db, fixture_path("good.mrc"));
    INFO(describe_outcome(first));
    REQUIRE(first.ok());
    CHECK(first.format == ImportFormat::Marc);
    CHECK(first.added == 3);
    CHECK(first.updated == 0);
    CHECK(first.skipped.empty());
    CHECK(first.warnings.size() == 1);  // Bumi manusia's invalid ISBN

    const ImportReport listed = import_file(k.db, fixture_path("good.mrc"), std::nullopt, {}, {1000, true});
    REQUIRE(listed.stored_records.size() == 3);
    CHECK(listed.stored_records[0].outcome == RecordOutcome::Updated);
    CHECK(listed.stored_records[0].where.record_number == 1);
    CHECK(CatalogStore(k.db).get(listed.stored_records[0].record_id)->title == "Laskar pelangi");
    CHECK(listed.stored_records[2].outcome == RecordOutcome::Added);
    CHECK(first.stored_records.empty());

    // The two records with a control number update; the one with neither control number nor ISBN
    // cannot be recognised and comes in again (as in SLiMS and INLISLite).
    const ImportReport again = import_file(k.db, fixture_path("good.mrc"));
    CHECK(again.updated == 2);
    CHECK(again.added == 1);
    CHECK(CatalogStore(k.db).count() == 5);

    // The same book from SLiMS CSV: no control number, matched by its ISBN, and the stored control
    // number stays so the next INLISLite import still finds it.
    const ImportReport slims = import_file(k.db, fixture_path("slims_export.csv"));
    REQUIRE(slims.ok());
    CHECK(slims.dialect == "SLiMS");
    CHECK(slims.updated == 1);  // Laskar pelangi
    CHECK(slims.added == 2);
    REQUIRE(slims.skipped.size() == 1);
    CHECK(describe(slims.skipped[0].where) == "record 3 (line 4)");
    const auto laskar = k.by_control("INLIS000000000001");
    REQUIRE(laskar);
    CHECK(laskar->publisher == "Bentang Pustaka");
}

TEST_CASE("broken records are skipped with position and reason, the rest stored", "[catalog_import]") {
    Kiosk k;
    const ImportReport r = import_file(k.db, fixture_path("broken_among_good.mrc"));
    REQUIRE(r.ok());
    CHECK(r.added == 3);
    REQUIRE(r.skipped.size() == 5);
    CHECK(r.skipped_total == 5);
    CHECK(r.warnings_total == r.warnings.size());
    CHECK(r.skipped[0].where.record_number == 2);
    CHECK(r.skipped[0].where.byte_offset > 0);
    CHECK(CatalogStore(k.db).count() == 3);
    const std::string text = describe(r);
    CHECK_THAT(text, Catch::Contains("added: 3"));
    CHECK_THAT(text, Catch::Contains("skipped record 2 (byte "));
}

TEST_CASE("a broken file changes nothing", "[catalog_import]") {
    Kiosk k;
    REQUIRE(import_file(k.db, fixture_path("good.mrc")).added == 3);
    const std::vector<Record> before = k.records();

    // Two complete records, then the XML breaks off: the two must not stay behind either.
    const std::string xml = fixture("good.xml");
    std::size_t cut = 0;
    for (int i = 0; i < 3; ++i) cut = xml.find("<marc:record>", cut + 1);
    const std::string cut_xml = xml.substr(0, cut + 40);

    struct Row {
        const char* name;
        std::string bytes;
        std::optional<ImportFormat> format;
        const char* error;
    };
    const std::vector<Row> rows{
        {"malformed XML", fixture("malformed.xml"), std::nullopt, "line 7"},
        {"XML cut off after two records", cut_xml, std::nullopt, "malformed XML"},
        {"CSV cut off inside a quote", fixture("truncated.csv"), std::nullopt, "never closed"},
        {"CSV without title column", "nama,umur\nBudi,7\n", std::nullopt, "no title column"},
        {"empty", "", std::nullopt, "empty"},
        {"not a catalogue", "Surat undangan rapat desa\n", std::nullopt, "not a catalogue file"},
        {"CSV forced as MARC", fixture("generic.csv"), ImportFormat::Marc, "not a MARC 21"},
    };
    for (const auto& row : rows) {
        DYNAMIC_SECTION(row.name) {
            const ImportReport r = import_bytes(k.db, row.bytes, row.format);
            CHECK_FALSE(r.ok());
            CHECK_THAT(r.error, Catch::Contains(row.error));
            CHECK(r.added == 0);
            CHECK(r.updated == 0);
            CHECK_THAT(describe(r), Catch::Contains("nothing was imported"));
            const std::vector<Record> after = k.records();
            REQUIRE(after.size() == before.size());
            for (std::size_t i = 0; i < after.size(); ++i) desa::test::check_same_record(after[i], before[i]);
        }
    }
    SECTION("a file that cannot be read") {
        const ImportReport r = import_file(k.db, k.dir / "tidak-ada.mrc");
        CHECK_FALSE(r.ok());
        CHECK_THAT(r.error, Catch::Contains("cannot open"));
        const ImportReport d = import_file(k.db, k.dir.path());
        CHECK_THAT(d.error, Catch::Contains("not a regular file"));
    }
}

TEST_CASE("re-importing from SLiMS keeps the loans, our own export restores them", "[catalog_import]") {
    Kiosk k;
    REQUIRE(import_file(k.db, fixture_path("good.mrc")).ok());
    CatalogStore store(k.db);
    const auto copy_id = store.find_copy_by_barcode("B0001");
    REQUIRE(copy_id);
    store.set_copy_status(*copy_id, CopyStatus::OnLoan, 1718000000);
    const std::filesystem::path exported = k.dir / "with-loan.csv";
    export_catalog(k.db, exported, ExportFormat::Csv);

    auto b0001 = [&k] {
        const auto laskar = k.by_control("INLIS000000000001");
        REQUIRE(laskar);
        for (const auto& c : laskar->copies)
            if (c.barcode == "B0001") return c;
        FAIL("B0001 missing");
        return Copy{};
    };
    REQUIRE(import_file(k.db, fixture_path("good.mrc")).ok());  // MARC from INLISLite: no loan data
    CHECK(b0001().status == CopyStatus::OnLoan);
    CHECK(b0001().due_unix == 1718000000);

    store.set_copy_status(*copy_id, CopyStatus::Available, std::nullopt);
    REQUIRE(import_file(k.db, exported).ok());  // our export states the loan
    CHECK(b0001().status == CopyStatus::OnLoan);
    CHECK(b0001().due_unix == 1718000000);
}

TEST_CASE("a hopeless large file lists the first problems and counts them all", "[catalog_import]") {
    Kiosk k;
    std::string csv = "title,authors\n";
    for (int i = 0; i < 10050; ++i) csv += ",Anonim\n";
    const ImportReport r = import_bytes(k.db, csv);
    REQUIRE(r.ok());
    CHECK(r.stored() == 0);
    CHECK(r.skipped_total == 10050);
    CHECK(r.skipped.size() == ImportReport::kMaxListed);
    CHECK_THAT(describe(r), Catch::Contains("skipped: 10050") && Catch::Contains("only the first 10000"));
}

TEST_CASE("progress is reported for large files", "[catalog_import]") {
    Kiosk k;
    std::string csv = csv_header_row();
    for (std::size_t i = 0; i < 250; ++i) append_csv_record(csv, synthetic_record(i));
    std::vector<ImportProgress> calls;
    const ImportReport r =
        import_bytes(k.db, csv, std::nullopt, [&calls](const ImportProgress& p) { calls.push_back(p); }, {100});
    REQUIRE(r.ok());
    CHECK(r.added == 250);
    REQUIRE(calls.size() == 3);  // after 100, after 200, and the end
    CHECK(calls[0].records == 100);
    CHECK(calls[1].records == 200);
    CHECK(calls[0].bytes_done < calls[1].bytes_done);
    CHECK(calls[2].records == 250);
    CHECK(calls[2].bytes_done == csv.size());
    CHECK(calls[2].bytes_total == csv.size());
}

TEST_CASE("export then import keeps every field, in CSV and in MARC", "[catalog_import]") {
    Kiosk source;
    for (const char* file : {"good.mrc", "marc8.mrc", "good.xml", "generic.csv", "slims_export.csv"})
        REQUIRE(import_file(source.db, fixture_path(file)).ok());
    {
        CatalogStore store(source.db);
        Record extra = synthetic_record(7);
        extra.material_type = "zine";
        extra.collection = "Anak";
        extra.year = -750;
        extra.notes = "Baris satu\n\nbaris tiga";
        extra.series = "Seri ; satu";
        extra.copies.push_back(Copy{0, "", "Rak tanpa label", "", CopyStatus::Available, {}});
        store.upsert(extra);
        store.set_copy_status(*store.find_copy_by_barcode("S7-1"), CopyStatus::OnLoan, 1718000000);
    }
    const std::vector<Record> original = source.records();
    REQUIRE(original.size() >= 10);

    for (const auto format : {ExportFormat::Csv, ExportFormat::Marc}) {
        DYNAMIC_SECTION((format == ExportFormat::Csv ? "csv" : "marc")) {
            const auto file = source.dir / (format == ExportFormat::Csv ? "katalog.csv" : "katalog.mrc");
            const ExportReport exported = export_catalog(source.db, file, format);
            CHECK(exported.records == original.size());
            CHECK(exported.problems.empty());
            CHECK_FALSE(std::filesystem::exists(file.string() + ".part"));

            Kiosk copy;
            const ImportReport r = import_file(copy.db, file);
            INFO(describe(r));
            REQUIRE(r.ok());
            CHECK(r.format == (format == ExportFormat::Csv ? ImportFormat::Csv : ImportFormat::Marc));
            CHECK(r.skipped.empty());
            CHECK(r.warnings.empty());
            const std::vector<Record> back = copy.records();
            REQUIRE(back.size() == original.size());
            for (std::size_t i = 0; i < back.size(); ++i) desa::test::check_same_record(back[i], original[i]);
        }
    }
}

TEST_CASE("goodbooks-10k imports whole", "[catalog_import][goodbooks]") {
    const auto file = std::filesystem::path(DESA_SOURCE_ASSETS_DIR) / ".." / ".." / "shared" / "data" /
                      "goodbooks-10k-books.csv";
    if (!std::filesystem::exists(file)) {
        WARN("goodbooks-10k not found at " << file.string() << "; skipped");
        return;
    }
    Kiosk k;
    const ImportReport r = import_file(k.db, file);
    REQUIRE(r.ok());
    CHECK(r.dialect == "goodbooks-10k");
    CHECK(r.added == 10000);
    CHECK(r.skipped.empty());
    CatalogStore store(k.db);
    CHECK(store.count() == 10000);
    WARN("goodbooks-10k: " << r.added << " records in " << r.seconds << " s = "
                           << static_cast<long>(static_cast<double>(r.added) / r.seconds) << " records/s");

    const auto hunger = k.by_control("goodbooks:1");
    REQUIRE(hunger);
    CHECK(hunger->title == "The Hunger Games");
    CHECK(hunger->authors == std::vector<std::string>{"Suzanne Collins"});
    CHECK(hunger->isbns == std::vector<std::string>{"9780439023481"});
    CHECK(hunger->year == 2008);
    CHECK(store.find_by_isbn("9780439023481") == hunger->id);
    CHECK(store.find_by_isbn("0439023483") == hunger->id);

    const auto potter = k.by_control("goodbooks:2");
    REQUIRE(potter);
    CHECK(potter->title == "Harry Potter and the Sorcerer's Stone");
    CHECK(potter->series == "Harry Potter, #1");
    CHECK(potter->authors.front() == "J.K. Rowling");

    const auto hobbit = k.by_control("goodbooks:7");
    REQUIRE(hobbit);
    CHECK(hobbit->title == "The Hobbit");
    CHECK(hobbit->authors == std::vector<std::string>{"J.R.R. Tolkien"});

    // Ranking on real titles: the exact title, then the series in volume order, then its box sets,
    // then books about it (search_rank.hpp).
    struct RankRow {
        const char* query;
        std::vector<std::string> first;  // the first hits' titles, in order
    };
    const std::vector<RankRow> ranks{
        {"the hunger games", {"The Hunger Games", "Catching Fire", "Mockingjay", "The Hunger Games Trilogy Boxset"}},
        {"hunger games", {"The Hunger Games", "Catching Fire", "Mockingjay", "The Hunger Games Trilogy Boxset"}},
        {"harry potter",
         {"Harry Potter and the Sorcerer's Stone", "Harry Potter and the Chamber of Secrets",
          "Harry Potter and the Prisoner of Azkaban", "Harry Potter and the Goblet of Fire",
          "Harry Potter and the Order of the Phoenix", "Harry Potter and the Half-Blood Prince",
          "Harry Potter and the Deathly Hallows"}},
        {"harry pot", {"Harry Potter and the Sorcerer's Stone", "Harry Potter and the Chamber of Secrets"}},
        {"lord of the rings",
         {"The Lord of the Rings", "The Fellowship of the Ring", "The Two Towers", "The Return of the King"}},
        {"the hobbit", {"The Hobbit"}},
        {"laskar pelangi", {"Laskar Pelangi"}},
    };
    for (const RankRow& row : ranks) {
        INFO("query '" << row.query << "'");
        SearchQuery q;
        q.text = row.query;
        q.limit = static_cast<int>(row.first.size());
        std::vector<std::string> got;
        for (const auto& h : search(k.db, q).hits) got.push_back(h.title);
        CHECK(got == row.first);
    }

    // Importing the same file again changes nothing but counts it as updated.
    const ImportReport again = import_file(k.db, file);
    CHECK(again.updated == 10000);
    CHECK(store.count() == 10000);
}

TEST_CASE("import rate of a synthetic MARC file", "[catalog_import][speed]") {
    constexpr std::size_t kRecords = 20000;
    std::string marc;
    for (std::size_t i = 0; i < kRecords; ++i) marc += encode_iso2709(marc_from_record(synthetic_record(i)));
    Kiosk k;
    const ImportReport r = import_bytes(k.db, marc, ImportFormat::Marc);
    REQUIRE(r.ok());
    CHECK(r.added == kRecords);
    const double rate = static_cast<double>(kRecords) / r.seconds;
    WARN("synthetic MARC: " << kRecords << " records (" << marc.size() / 1024 << " KiB) in " << r.seconds
                            << " s = " << static_cast<long>(rate) << " records/s");
    // A floor that catches a per-record fsync or a lost transaction; the 20,000/s target is measured
    // by bench/, not asserted on a shared CI machine.
#if defined(__SANITIZE_ADDRESS__)
    CHECK(rate > 200);
#else
    CHECK(rate > 2000);
#endif
}

TEST_CASE("into an empty catalogue, records of one file still match each other", "[catalog_import]") {
    // CatalogStore::begin_bulk_load skips the matching SELECTs for keys the import has not written
    // yet; a key it has written must still match. The same file into a catalogue that already
    // holds one unrelated book (the ordinary path) must give the same records.
    const std::string csv =
        "control_number,title,isbns,barcodes,call_number,copy_call_numbers\n"
        "C1,Laskar Pelangi,9786022910930,B1|B2,899 HIR l,\n"
        ",Bumi Manusia,9792231811,B3,,899 TOE b\n"
        "C1,Laskar Pelangi (edisi baru),,B4,899 HIR l,\n"         // control number again: an update
        ",Bumi Manusia (cetak ulang),978-979-22-3181-6,B5,,\n"  // ISBN again, as ISBN-13: an update
        "C3,Anak Semua Bangsa,,B3,,\n"                            // barcode B3 moves here
        "C4,Rumah Kaca,,,,\n"
        "C4,Rumah Kaca,,,,\n";
    struct Expected {
        const char* control_number;
        const char* title;
        std::vector<std::string> barcodes;
    };
    const std::vector<Expected> expected{
        {"C1", "Laskar Pelangi (edisi baru)", {"B1", "B2", "B4"}},
        {"", "Bumi Manusia (cetak ulang)", {"B5"}},
        {"C3", "Anak Semua Bangsa", {"B3"}},
        {"C4", "Rumah Kaca", {}},
    };
    for (const bool empty : {true, false}) {
        DYNAMIC_SECTION((empty ? "empty catalogue (bulk load)" : "catalogue with a book already")) {
            Kiosk k;
            if (!empty) {
                Record other;
                other.control_number = "X9";
                other.title = "Buku Lain";
                CatalogStore(k.db).upsert(other);
            }
            const ImportReport r = import_bytes(k.db, csv, ImportFormat::Csv);
            INFO(describe(r));
            REQUIRE(r.ok());
            CHECK(r.added == 4);
            CHECK(r.updated == 3);
            std::vector<Record> got;
            for (const Record& rec : k.records())
                if (rec.control_number != "X9") got.push_back(rec);
            REQUIRE(got.size() == expected.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                INFO("record " << i);
                CHECK(got[i].control_number == expected[i].control_number);
                CHECK(got[i].title == expected[i].title);
                std::vector<std::string> barcodes;
                for (const Copy& c : got[i].copies) barcodes.push_back(c.barcode);
                std::sort(barcodes.begin(), barcodes.end());
                CHECK(barcodes == expected[i].barcodes);
            }
            // The index followed: the moved copy's old record lost its copy call number.
            SearchQuery q;
            q.text = "899 toe";
            CHECK(search(k.db, q).total == 0);
            q.text = "rumah kaca";
            CHECK(search(k.db, q).total == 1);
        }
    }
}
