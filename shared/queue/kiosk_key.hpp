#pragma once
// The key the kiosk signs ticket QR codes with (queue/ticket_qr.hpp). An enrolled kiosk uses its
// enrolment key (<data>/sync/kiosk.secret, written by sync/enrolment); until then it makes its own
// once, <data>/queue/ticket.secret (mode 0600, base64 of libsodium's 64-byte Ed25519 secret, the
// same format), so tickets can be issued from the first day. Both keys stay accepted when checking
// a ticket: enrolling at noon must not turn the morning's tickets into forgeries.
#include <filesystem>
#include <vector>

#include "sync/protocol.hpp"

namespace desa::queue {

enum class TicketKeySource { Enrolment, OwnKey };

struct TicketKeys {
    sync::SignSecretKey signing;                  // signs new tickets
    TicketKeySource source = TicketKeySource::OwnKey;
    std::vector<sync::SignPublicKey> verifying;   // the signing key's public half first
};

std::filesystem::path own_ticket_key_file(const std::filesystem::path& data_dir);

// Loads the enrolment key if there is one, else the kiosk's own ticket key, creating it when absent
// (safe against two processes creating it at once: one file wins, both use it). A key file that
// exists but cannot be read or parsed throws std::runtime_error naming the file (never its
// contents): silently replacing it would make every ticket issued today look forged.
TicketKeys load_ticket_keys(const std::filesystem::path& data_dir);

// The keys a ticket may be signed with, for checking only: never creates a key (empty when none).
std::vector<sync::SignPublicKey> ticket_verify_keys(const std::filesystem::path& data_dir);

// The public half of a libsodium 64-byte secret key.
sync::SignPublicKey public_key_of(const sync::SignSecretKey&);

}  // namespace desa::queue
