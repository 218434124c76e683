#pragma once
// One resident's way through the aspiration screens: the form (aspiration_form.hpp), tracking and
// the quick evaluation (follow_up.hpp). Part of the visit: wiped with it (idle timeout), so nothing
// personal stays on screen or in memory for the next resident.
#include "aspirations/aspiration_form.hpp"
#include "aspirations/follow_up.hpp"

namespace desa::aspirations {

struct AspirationVisit {
    AspirationForm form;
    TrackingLookup tracking;
    QuickEvaluationVisit evaluation;

    // Anything a resident typed or chose that the idle timeout must wipe, even after going Home.
    bool has_input() const {
        return form.has_input() || !tracking.code.empty() || tracking.found.has_value() ||
               evaluation.service.has_value() || evaluation.rating.has_value() || !evaluation.comment.empty();
    }
};

}  // namespace desa::aspirations
