// PostgreSQL backend of SqlDb through libpq: statements prepared once per connection, parameters
// and results in text format (the hub stores only TEXT and BIGINT).
#include <libpq-fe.h>

#include <charconv>
#include <unordered_map>

#include "db/sql_db.hpp"

namespace desa::hub {
namespace {

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void*, const char*) {}  // "relation already exists, skipping" and the like

class PostgresDb final : public SqlDb {
public:
    explicit PostgresDb(const std::string& url) {
        conn_ = PQconnectdb(url.c_str());
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
            if (conn_) PQfinish(conn_);
            conn_ = nullptr;
            throw DbError("cannot connect to PostgreSQL " + redact_db_url(url) + ": " + why);
        }
        PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
        script("SET client_encoding = 'UTF8'");
    }
    ~PostgresDb() override {
        if (conn_) PQfinish(conn_);
    }

    Backend backend() const override { return Backend::Postgresql; }
    bool healthy() const override { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

    std::vector<SqlRow> query(std::string_view sql, const SqlParams& params) override {
        Result r = run(sql, params);
        std::vector<SqlRow> rows;
        const int n = PQntuples(r.get());
        const int cols = PQnfields(r.get());
        rows.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            SqlRow row;
            row.cells.reserve(static_cast<std::size_t>(cols));
            for (int c = 0; c < cols; ++c) {
                if (PQgetisnull(r.get(), i, c))
                    row.cells.emplace_back(std::nullopt);
                else
                    row.cells.emplace_back(std::string(PQgetvalue(r.get(), i, c),
                                                       static_cast<std::size_t>(PQgetlength(r.get(), i, c))));
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    std::int64_t execute(std::string_view sql, const SqlParams& params) override {
        Result r = run(sql, params);
        const char* tuples = PQcmdTuples(r.get());
        std::int64_t n = 0;
        if (tuples && *tuples) std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), n);
        return n;
    }

    void script(std::string_view sql) override {
        const std::string text(sql);
        Result r(PQexec(conn_, text.c_str()));
        check(r.get(), sql);
    }

    void begin() override { script("BEGIN"); }
    void commit() override { script("COMMIT"); }
    void rollback() override {
        if (PQtransactionStatus(conn_) != PQTRANS_IDLE) script("ROLLBACK");
    }
    // One advisory lock number for "desa-hub schema": two hubs starting together migrate in turn.
    void lock_for_migration() override { script("SELECT pg_advisory_xact_lock(7271001)"); }

private:
    Result run(std::string_view sql, const SqlParams& params) {
        std::string key(sql);
        auto it = prepared_.find(key);
        if (it == prepared_.end()) {
            const std::string name = "s" + std::to_string(prepared_.size() + 1);
            Result p(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr));
            check(p.get(), sql);
            it = prepared_.emplace(std::move(key), name).first;
        }
        std::vector<std::string> text(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                text[i] = std::to_string(*n);
                values[i] = text[i].c_str();
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                values[i] = s->c_str();
            }
        }
        Result r(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr,
                                nullptr, 0));
        check(r.get(), sql);
        return r;
    }

    void check(PGresult* r, std::string_view sql) {
        const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        std::string why = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        throw DbError("PostgreSQL: " + why + " in: " + std::string(sql.substr(0, 200)));
    }

    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
};

}  // namespace

std::unique_ptr<SqlDb> open_postgres_db(const std::string& url) { return std::make_unique<PostgresDb>(url); }

}  // namespace desa::hub
