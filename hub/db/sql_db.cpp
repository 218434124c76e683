#include "db/sql_db.hpp"

#include <charconv>

namespace desa::hub {

std::int64_t SqlRow::int64(std::size_t col) const {
    const auto& cell = cells.at(col);
    std::int64_t value = 0;
    if (!cell || cell->empty() ||
        std::from_chars(cell->data(), cell->data() + cell->size(), value).ec != std::errc())
        throw DbError("expected a number in column " + std::to_string(col));
    return value;
}

std::optional<std::int64_t> SqlRow::opt_int64(std::size_t col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
}

bool is_postgres_url(std::string_view url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string redact_db_url(const std::string& url) {
    if (!is_postgres_url(url)) return url;
    std::string out = url;
    // postgresql://user:secret@host -> postgresql://user:***@host
    const auto scheme_end = out.find("://") + 3;
    const auto at = out.find('@', scheme_end);
    const auto slash = out.find('/', scheme_end);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
        const auto colon = out.find(':', scheme_end);
        if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
    // ...?password=secret&... in the query string
    for (auto p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
        const auto end = out.find('&', p);
        out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
    }
    return out;
}

std::unique_ptr<SqlDb> open_sql_db(const std::string& url) {
    if (url.starts_with("sqlite:")) {
        const std::string path = url.substr(7);
        if (path.empty()) throw DbError("sqlite: URL without a file path (expected sqlite:PATH)");
        return open_sqlite_db(path);
    }
    if (is_postgres_url(url)) return open_postgres_db(url);
    throw DbError("unsupported database URL '" + redact_db_url(url) +
                  "' (expected sqlite:PATH or postgresql://...)");
}

}  // namespace desa::hub
