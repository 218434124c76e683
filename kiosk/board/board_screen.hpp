#pragma once
// The display board's one screen: a header (title, village, clock), a card per counter with the
// ticket it called or serves, the last calls, and how many wait per service. Dark background and
// very large type, for a television read from across the hall.
#include <cstdint>
#include <string>

#include <imgui.h>

#include "board/board_text.hpp"
#include "queue/queue_board.hpp"
#include "queue/queue_config.hpp"
#include "ui/widgets.hpp"

namespace desa::kiosk {

struct BoardView {
    const queue::BoardState& state;
    const queue::QueueConfig& queue;  // service names and prefixes
    std::string village;              // "Desa Hajimena"
    std::string clock;                // "09:41", local time of the office
    std::int64_t highlight_event_id = 0;  // the new call that stands out (0: none)
    int last_calls = 5;                   // rows in the "last calls" list
};

// Draws into the current ImGui window, filling `size` from the origin.
void draw_board(Ui& ui, const BoardFonts& fonts, const BoardView& view, ImVec2 size);

// The background colour the frame is cleared with (dark navy).
ImU32 board_background();

}  // namespace desa::kiosk
