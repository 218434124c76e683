// Where the kiosk keeps data and finds assets, and the private data directory.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "core/paths.hpp"
#include "test_support.hpp"

using desa::test::ScopedEnv;
using std::filesystem::path;

namespace {
unsigned mode_of(const path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}
}  // namespace

TEST_CASE("data directory: flag, then systemd, then XDG, then home", "[paths]") {
    struct Row {
        const char* name;
        std::optional<path> flag;
        std::optional<std::string> state, xdg, home;
        path expected;
    };
    const std::vector<Row> rows{
        {"flag wins", path("/srv/kiosk"), "/var/lib/desa-kiosk", "/home/op/.data", "/home/op", "/srv/kiosk"},
        {"systemd StateDirectory", std::nullopt, "/var/lib/desa-kiosk", "/home/op/.data", "/home/op",
         "/var/lib/desa-kiosk"},
        {"several StateDirectory entries", std::nullopt, "/var/lib/desa-kiosk:/var/lib/other", std::nullopt,
         "/home/op", "/var/lib/desa-kiosk"},
        {"XDG_DATA_HOME", std::nullopt, std::nullopt, "/home/op/.data", "/home/op", "/home/op/.data/desa-kiosk"},
        {"empty variables count as unset", path(), "", "", "/home/op", "/home/op/.local/share/desa-kiosk"},
        {"relative XDG_DATA_HOME is ignored", std::nullopt, std::nullopt, "relative/data", "/home/op",
         "/home/op/.local/share/desa-kiosk"},
        {"home", std::nullopt, std::nullopt, std::nullopt, "/home/op", "/home/op/.local/share/desa-kiosk"},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.name) {
            ScopedEnv state("STATE_DIRECTORY", row.state);
            ScopedEnv xdg("XDG_DATA_HOME", row.xdg);
            ScopedEnv home("HOME", row.home);
            CHECK(desa::resolve_data_dir(row.flag) == row.expected);
        }
    }
}

TEST_CASE("assets directory: flag, then environment, then next to the binary or the source tree",
          "[paths]") {
    SECTION("flag wins") {
        ScopedEnv env("DESA_ASSETS_DIR", "/opt/assets");
        CHECK(desa::resolve_assets_dir(path("/media/usb/assets")) == "/media/usb/assets");
    }
    SECTION("environment") {
        ScopedEnv env("DESA_ASSETS_DIR", "/opt/assets");
        CHECK(desa::resolve_assets_dir(std::nullopt) == "/opt/assets");
    }
    SECTION("uninstalled build falls back to the source tree") {
        ScopedEnv env("DESA_ASSETS_DIR", std::nullopt);
        const path installed =
            (std::filesystem::read_symlink("/proc/self/exe").parent_path() / ".." / "share" / "desa-kiosk")
                .lexically_normal();
        const path expected =
            std::filesystem::is_directory(installed) ? installed : path(DESA_SOURCE_ASSETS_DIR);
        const path got = desa::resolve_assets_dir(std::nullopt);
        CHECK(got == expected);
        CHECK(std::filesystem::is_regular_file(got / "regions" / "wilayah-lampung.csv"));
    }
}

TEST_CASE("ensure_private_dir creates owner-only directories", "[paths]") {
    desa::test::TempDir tmp;
    SECTION("nested, every created level is 0700") {
        const path dir = tmp / "a" / "b" / "c";
        desa::ensure_private_dir(dir);
        CHECK(std::filesystem::is_directory(dir));
        CHECK(mode_of(tmp / "a") == 0700);
        CHECK(mode_of(tmp / "a" / "b") == 0700);
        CHECK(mode_of(dir) == 0700);
        desa::ensure_private_dir(dir);  // already there: fine
    }
    SECTION("an existing directory is left as it is") {
        std::filesystem::create_directory(tmp / "shared");
        ::chmod((tmp / "shared").c_str(), 0750);
        desa::ensure_private_dir(tmp / "shared");
        CHECK(mode_of(tmp / "shared") == 0750);
    }
    SECTION("a file in the way") {
        desa::test::write_file(tmp / "kiosk", "x");
        CHECK_THROWS_WITH(desa::ensure_private_dir(tmp / "kiosk"),
                          Catch::Contains((tmp / "kiosk").string()) && Catch::Contains("not a directory"));
        CHECK_THROWS_WITH(desa::ensure_private_dir(tmp / "kiosk" / "data"),
                          Catch::Contains((tmp / "kiosk" / "data").string()) &&
                              Catch::Contains("Not a directory"));
    }
    SECTION("empty path") { CHECK_THROWS_AS(desa::ensure_private_dir(path()), std::runtime_error); }
}
