#pragma once
// Appointments booked at the hub for a village office's queue: each gets an id and a QR text signed
// with the province key in the format the kiosk verifies offline (shared/queue/ticket_qr.hpp,
// DESA-JANJI:1:...). The kiosk checks the resident in ahead of walk-ins within [from, until).
// The note is for the staff who booked it; it never goes into the QR.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/sql_db.hpp"
#include "sync/protocol.hpp"

namespace desa::hub {

inline constexpr std::size_t kMaxAppointmentNoteBytes = 200;
inline constexpr std::int64_t kMaxAppointmentWindow = 12 * 3600;      // one office day at most
inline constexpr std::int64_t kMaxAppointmentAhead = 366LL * 86400;   // booked at most a year ahead

class AppointmentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct AppointmentWindow {
    std::int64_t valid_from = 0, valid_until = 0;  // unix seconds
};

// "--from 2025-12-01 09:00 --to 10:30" in the office's time zone (UTC offset in seconds): the window
// on that day. AppointmentError naming the option for a malformed time, an end not after the start.
AppointmentWindow parse_appointment_window(const std::string& from, const std::string& to, int utc_offset_s);
// "WIB", "WITA", "WIT" -> UTC offset in seconds; nullopt otherwise.
std::optional<int> zone_offset(const std::string& zone);

struct AppointmentRequest {
    std::string village_code;  // canonical desa/kelurahan code
    std::string service_id;
    AppointmentWindow window;
    std::string note;
};

struct Appointment {
    std::string id;  // readable code (readable_code.hpp), 10 symbols
    std::string village_code, service_id;
    std::int64_t valid_from = 0, valid_until = 0;
    std::string note;
    std::string qr;  // the signed QR text
    std::int64_t created_at = 0;
};

// Checks the request (service id, window not over, not too far ahead, clean note), makes an id,
// signs the QR text and stores it. AppointmentError with the reason.
Appointment issue_appointment(SqlDb& db, const sync::SignSecretKey& key, const AppointmentRequest& request,
                              std::int64_t now);

// By start time; only villages under `region_prefix` (a canonical region code) when given.
std::vector<Appointment> list_appointments(SqlDb& db, const std::optional<std::string>& region_prefix);

}  // namespace desa::hub
