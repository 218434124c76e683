#include "board/board_screenshots.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "board/board_app.hpp"

namespace desa::kiosk {
namespace {

constexpr const char* kNames[] = {"board", "board-quiet", "board-busy"};
constexpr std::int64_t kMorning = 1'764'556'860;  // Monday 2025-12-01 09:41 WIB

struct SampleTicket {
    std::size_t service;  // index into the configured services (modulo their count)
    int number;
    queue::TicketState state;
};

// A sample state over the configured services (the demo: five services, counters 1 and 2).
queue::BoardState sample_state(const queue::QueueConfig& config, std::string_view name) {
    queue::BoardState board;
    board.service_day = 20251201;
    const bool busy = name == "board-busy", quiet = name == "board-quiet";
    const auto service = [&](std::size_t i) -> const queue::Service* {
        return config.services.empty() ? nullptr : &config.services[i % config.services.size()];
    };
    const auto number = [&](std::size_t i, int n) {
        char text[16];
        std::snprintf(text, sizeof text, "%c%03d", service(i) ? service(i)->prefix : 'A', n);
        return std::string(text);
    };
    using S = queue::TicketState;
    // Counter by counter: what it serves (nullopt: idle). The last calling counter called last.
    const std::vector<std::optional<SampleTicket>> desks =
        busy ? std::vector<std::optional<SampleTicket>>{SampleTicket{0, 21, S::Serving}, SampleTicket{1, 17, S::Called},
                                                        SampleTicket{2, 9, S::Called}, SampleTicket{3, 6, S::Serving},
                                                        std::nullopt, SampleTicket{4, 11, S::Called}}
             : std::vector<std::optional<SampleTicket>>{SampleTicket{0, 12, S::Serving}, SampleTicket{1, 4, S::Called}};
    std::int64_t event = 200;
    for (std::size_t i = 0; i < desks.size(); ++i) {
        queue::CounterNow c;
        c.counter = static_cast<int>(i + 1);
        if (!quiet && desks[i]) {
            c.number = number(desks[i]->service, desks[i]->number);
            c.service_id = service(desks[i]->service) ? service(desks[i]->service)->id : "";
            c.state = desks[i]->state;
            c.last_event_id = ++event;
        }
        board.counters.push_back(c);
    }
    if (!quiet) {
        // Newest first: the calling counters' calls, then earlier ones.
        for (std::size_t i = desks.size(); i-- > 0;) {
            if (!desks[i] || desks[i]->state != S::Called) continue;
            board.last_calls.push_back({board.counters[i].last_event_id, *board.counters[i].number,
                                        board.counters[i].service_id, board.counters[i].counter, 0, false});
        }
        if (busy) board.last_calls[1].recall = true;
        // Before them, the tickets now being served, then each desk's earlier tickets.
        for (std::size_t i = desks.size(); i-- > 0;)
            if (desks[i] && desks[i]->state == S::Serving)
                board.last_calls.push_back({board.counters[i].last_event_id - 50, *board.counters[i].number,
                                            board.counters[i].service_id, board.counters[i].counter, 0, false});
        for (int back = 1; board.last_calls.size() < 10; ++back)
            for (std::size_t i = desks.size(); i-- > 0 && board.last_calls.size() < 10;) {
                if (!desks[i]) continue;
                const std::size_t svc = desks[i]->service;
                board.last_calls.push_back({100 - static_cast<std::int64_t>(board.last_calls.size()),
                                            number(svc, desks[i]->number - back), service(svc) ? service(svc)->id : "",
                                            static_cast<int>(i + 1), 0, false});
            }
    }
    for (std::size_t i = 0; i < config.services.size(); ++i) {
        static constexpr int kWaiting[] = {3, 5, 1, 0, 2};
        const int waiting = quiet ? 0 : kWaiting[i % 5] * (busy ? 4 : 1);
        board.lines.push_back({config.services[i].id, config.services[i].prefix, waiting});
    }
    board.newest_event_id = event;
    return board;
}

}  // namespace

std::vector<std::string> board_screenshot_names() { return {std::begin(kNames), std::end(kNames)}; }

bool is_board_screenshot(std::string_view name) {
    return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

ScreenshotResult render_board_screenshot(KioskContext& kiosk, const ScreenshotRequest& request, const FontFiles& fonts,
                                         const std::optional<std::filesystem::path>& png_out) {
    ManualClock clock;
    clock.wall_seconds = kMorning;
    auto display = open_headless(request.size.width, request.size.height);
    BoardApp app(kiosk, *display, clock, nullptr, BoardOptions{true, fonts, false});
    app.set_language(request.language);
    auto state = sample_state(kiosk.config.queue, request.name);
    const std::int64_t highlight = request.name == "board-quiet" || state.last_calls.empty() ? 0 : state.last_calls.front().event_id;
    app.show(std::move(state), highlight);
    app.render_frame();

    ScreenshotResult result;
    result.coverage = non_background_fraction(*display);
    result.overflows = app.frame_log().overflows;
    static const std::regex raw_id(R"(^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)+$)");
    for (const auto& t : app.frame_log().texts)
        if (std::regex_match(t.text, raw_id)) result.missing_texts.push_back(t.text);
    if (png_out) save_png(*display, *png_out);
    return result;
}

}  // namespace desa::kiosk
