#pragma once
// The [board] table of kiosk.toml: the queue display board (`desa-kiosk --role display`) and its
// voice. Every key is optional; without the table the board speaks Indonesian with a chime.
//
//   [board]
//   speech = true          # speak each call with espeak-ng; false leaves the chime alone
//   chime = true           # the ding-dong before each call (plays whether or not speech is on)
//   voice = "id"           # espeak-ng voice
//   rate_wpm = 140         # speaking rate, 80..260 words per minute
//   volume = 80            # 0..100 % of full scale, for chime and speech alike
//   repeat = 1             # times each call is spoken, 1..3 (a noisy hall may want 2)
//   last_calls = 5         # the "last calls" list on screen, 1..10
//   highlight_s = 12       # a new call stands out on screen this long, 0..120
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/config_problem.hpp"

namespace desa::voice {

struct BoardConfig {
    bool speech = true;
    bool chime = true;
    std::string voice = "id";
    int rate_wpm = 140;
    int volume = 80;
    int repeat = 1;
    int last_calls = 5;
    int highlight_s = 12;
};

struct BoardConfigLoad {
    std::optional<BoardConfig> config;  // set only when problems is empty
    std::vector<config::ConfigProblem> problems;
};

// `board` is the [board] table; keys are reported as "board.<key>".
BoardConfigLoad parse_board_config(const toml::table& board, std::string_view file_label);

}  // namespace desa::voice
