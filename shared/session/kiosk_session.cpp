#include "session/kiosk_session.hpp"

#include <algorithm>

namespace desa::session {
namespace {

constexpr std::array<std::string_view, kAllScreens.size()> kNames{
    "attract",      "home",         "lessons",         "library",        "library-record", "queue",
    "aspirations",  "admin-pin",    "admin-settings",  "admin-sync",   "librarian-pin",  "library-desk",   "catalog-edit",
    "lending-checkout", "lending-return", "members",   "member",         "overdue",
    "aspiration-track", "evaluation", "queue-check", "queue-ops",
    "lesson-card",  "lesson-step",  "lesson-quiz",     "lesson-certificate", "lesson-admin"};

constexpr int kSecretTapCount = 5;
constexpr Millis kSecretTapWindow{4'000};

}  // namespace

std::string_view screen_name(Screen screen) { return kNames[static_cast<std::size_t>(screen)]; }

std::optional<Screen> screen_from_name(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return kAllScreens[i];
    return std::nullopt;
}

bool needs_librarian(Screen screen) {
    switch (screen) {
        case Screen::LibraryDesk:
        case Screen::CatalogEdit:
        case Screen::LendingCheckout:
        case Screen::LendingReturn:
        case Screen::Members:
        case Screen::MemberDetail:
        case Screen::Overdue: return true;
        default: return false;
    }
}

KioskSession::KioskSession(IdlePolicy policy, i18n::Language default_language, Millis now)
    : policy_(policy),
      default_language_(default_language),
      language_(default_language),
      last_activity_(now) {}

void KioskSession::open(Screen screen) {
    focused_ = nullptr;
    if (screen == Screen::Home) {
        stack_.assign(1, Screen::Home);
        return;
    }
    if (screen == Screen::Attract) {  // the attract screen is never "under" anything
        stack_.assign(1, Screen::Attract);
        return;
    }
    if (screen == Screen::Queue && stack_.back() == Screen::Home) queue = queue::QueueVisit{};
    if (stack_.back() != screen) stack_.push_back(screen);
}

void KioskSession::back() {
    focused_ = nullptr;
    if (stack_.size() > 1) stack_.pop_back();
}

void KioskSession::go_home() { open(Screen::Home); }

void KioskSession::wipe() {
    forms = Forms{};
    library = catalog::LibraryVisit{};
    catalog_editor = catalog::CatalogEditor{};
    lending = lending::LendingDesk{};
    aspiration = aspirations::AspirationVisit{};
    queue = queue::QueueVisit{};
    lesson.clear();
    librarian_ = false;
    focused_ = nullptr;
    language_ = default_language_;
    accessibility = {};
    warning_ = false;
    secret_taps_.clear();
    stack_.assign(1, Screen::Home);
}

bool KioskSession::note_activity(Millis now) {
    last_activity_ = now;
    if (warning_) {  // the touch only dismisses "are you still there?"
        warning_ = false;
        return true;
    }
    if (screen() != Screen::Attract) return false;
    stack_.assign(1, Screen::Home);
    return true;
}

void KioskSession::sign_out_librarian() {
    librarian_ = false;
    catalog_editor = catalog::CatalogEditor{};
    lending = lending::LendingDesk{};
    focused_ = nullptr;
    std::erase_if(stack_, needs_librarian);
    if (stack_.empty()) stack_.assign(1, Screen::Home);
}

bool KioskSession::has_visit_state() const {
    return stack_.size() > 1 || screen() != Screen::Home || focused_ != nullptr || librarian_ ||
           !forms.library_search.empty() || !forms.admin_pin.empty() || !forms.librarian_pin.empty() ||
           library.filters_active() || aspiration.has_input() || queue.has_input() || lesson.active() ||
           language_ != default_language_ || accessibility.large_text ||
           accessibility.high_contrast;
}

IdleEvent KioskSession::tick(Millis now) {
    const Millis idle = now - last_activity_;
    if (screen() == Screen::Attract) return IdleEvent::None;
    if (idle >= policy_.attract_after) {
        wipe();
        stack_.assign(1, Screen::Attract);
        return IdleEvent::AttractShown;
    }
    if (!has_visit_state()) {
        warning_ = false;
        return IdleEvent::None;
    }
    if (idle >= policy_.reset_after) {
        wipe();
        return IdleEvent::Reset;
    }
    const bool warns = policy_.warn_after.count() > 0 && policy_.warn_after < policy_.reset_after;
    if (warns && idle >= policy_.warn_after && !warning_) {
        warning_ = true;
        return IdleEvent::WarningShown;
    }
    return IdleEvent::None;
}

int KioskSession::warning_seconds_left(Millis now) const {
    const Millis left = policy_.reset_after - (now - last_activity_);
    return static_cast<int>(std::max<std::int64_t>(0, (left.count() + 999) / 1000));
}

std::optional<Millis> KioskSession::next_deadline(Millis now) const {
    if (screen() == Screen::Attract) return std::nullopt;
    std::optional<Millis> next = last_activity_ + policy_.attract_after;
    if (has_visit_state()) {
        next = last_activity_ + policy_.reset_after;
        const bool warns = policy_.warn_after.count() > 0 && policy_.warn_after < policy_.reset_after;
        if (warning_) {
            // The countdown on screen changes every second.
            const Millis into = (now - last_activity_) % Millis{1000};
            next = std::min(*next, now + (Millis{1000} - into));
        } else if (warns) {
            next = last_activity_ + policy_.warn_after;
        }
    }
    return next;
}

bool KioskSession::register_secret_tap(Millis now) {
    std::erase_if(secret_taps_, [&](Millis t) { return now - t > kSecretTapWindow; });
    secret_taps_.push_back(now);
    if (static_cast<int>(secret_taps_.size()) < kSecretTapCount) return false;
    secret_taps_.clear();
    return true;
}

}  // namespace desa::session
