#pragma once
// Screenshot states of the aspiration form, one per step ("aspirations-type" ... "aspirations-receipt"),
// so `desa-kiosk screenshot` and the every-screen test show each step in both languages.
#include <string>
#include <string_view>
#include <vector>

#include "app/kiosk_context.hpp"
#include "session/kiosk_session.hpp"

namespace desa::kiosk {

std::vector<std::string> aspiration_screenshot_names();
// Fills the session's form for `name` and opens the form; false (and nothing changed) when the
// name is not one of aspiration_screenshot_names(). Writes nothing to the database.
bool prepare_aspiration_screenshot(session::KioskSession& session, std::string_view name);

}  // namespace desa::kiosk
