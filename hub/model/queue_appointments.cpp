#include "model/queue_appointments.hpp"

#include "core/readable_code.hpp"
#include "model/kiosks.hpp"
#include "model/regions.hpp"
#include "queue/local_time.hpp"
#include "queue/service.hpp"
#include "queue/ticket_qr.hpp"

namespace desa::hub {
namespace {

constexpr std::size_t kIdRandomChars = 9;  // + check = 10 symbols of 31: ~4e13 ids
constexpr int kIdAttempts = 5;

// "HH:MM", 00:00..23:59 -> minutes after midnight.
std::optional<int> parse_clock(const std::string& t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0');
    const int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

Appointment read(const SqlRow& r) {
    return Appointment{r.text(0), r.text(1), r.text(2), r.int64(3), r.int64(4), r.text(5), r.text(6), r.int64(7)};
}

constexpr const char* kColumns =
    "SELECT id, village_code, service_id, valid_from, valid_until, note, qr, created_at FROM queue_appointments";

}  // namespace

std::optional<int> zone_offset(const std::string& zone) {
    if (zone == "WIB") return queue::kWibOffsetSeconds;
    if (zone == "WITA") return queue::kWitaOffsetSeconds;
    if (zone == "WIT") return queue::kWitOffsetSeconds;
    return std::nullopt;
}

AppointmentWindow parse_appointment_window(const std::string& from, const std::string& to, int utc_offset_s) {
    // "2025-12-01 09:00": a day that exists and a clock time.
    const bool shaped = from.size() == 16 && from[4] == '-' && from[7] == '-' && from[10] == ' ';
    const auto day = shaped ? queue::parse_date_text(from.substr(0, 4) + from.substr(5, 2) + from.substr(8, 2))
                            : std::nullopt;
    const auto start = shaped ? parse_clock(from.substr(11)) : std::nullopt;
    if (!day || !start) throw AppointmentError("--from '" + from + "' is not a time (\"YYYY-MM-DD HH:MM\")");
    const auto end = parse_clock(to);
    if (!end) throw AppointmentError("--to '" + to + "' is not a time of day (\"HH:MM\")");
    if (*end <= *start) throw AppointmentError("--to " + to + " is not after the start " + from.substr(11));
    const std::int64_t midnight = queue::local_day_start(*day, utc_offset_s);
    return {midnight + *start * 60LL, midnight + *end * 60LL};
}

Appointment issue_appointment(SqlDb& db, const sync::SignSecretKey& key, const AppointmentRequest& request,
                              std::int64_t now) {
    const auto canonical = normalize_village_code(request.village_code);
    if (!canonical || *canonical != request.village_code)
        throw AppointmentError("village '" + request.village_code + "' is not a canonical desa/kelurahan code");
    if (!queue::valid_service_id(request.service_id))
        throw AppointmentError("service '" + request.service_id + "' is not a service id (a-z, 0-9, _ and -, 1..32)");
    const auto& w = request.window;
    if (w.valid_from >= w.valid_until) throw AppointmentError("the window ends before it starts");
    if (w.valid_until - w.valid_from > kMaxAppointmentWindow) throw AppointmentError("the window is longer than 12 hours");
    if (w.valid_until <= now) throw AppointmentError("the window is already over");
    if (w.valid_from > now + kMaxAppointmentAhead) throw AppointmentError("the window is more than a year ahead");
    if (!is_clean_text(request.note, kMaxAppointmentNoteBytes))
        throw AppointmentError("--note must be text without control characters, at most " +
                               std::to_string(kMaxAppointmentNoteBytes) + " bytes");

    for (int attempt = 0; attempt < kIdAttempts; ++attempt) {
        Appointment a{readable_code::make(kIdRandomChars), request.village_code, request.service_id,
                      w.valid_from, w.valid_until, request.note, {}, now};
        a.qr = queue::appointment_qr_text(
            queue::AppointmentQr{a.village_code, a.id, a.service_id, a.valid_from, a.valid_until}, key);
        // A random id taken already (vanishingly rare): draw again rather than fail.
        const auto stored = db.execute(
            "INSERT INTO queue_appointments (id, village_code, service_id, valid_from, valid_until, note, qr, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
            {a.id, a.village_code, a.service_id, a.valid_from, a.valid_until, a.note, a.qr, a.created_at});
        if (stored == 1) return a;
    }
    throw AppointmentError("could not find a free appointment id");
}

std::vector<Appointment> list_appointments(SqlDb& db, const std::optional<std::string>& region_prefix) {
    SqlParams params;
    std::string sql = kColumns;
    if (region_prefix) sql += " WHERE " + region_filter_sql("village_code", *region_prefix, params);
    sql += " ORDER BY valid_from, village_code, id";
    std::vector<Appointment> out;
    for (const auto& r : db.query(sql, params)) out.push_back(read(r));
    return out;
}

}  // namespace desa::hub
