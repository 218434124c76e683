#include "core/process_uptime.hpp"

#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>

namespace desa {

double ms_since_process_start() {
    std::ifstream stat("/proc/self/stat");
    const std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');  // the command name may contain spaces and parentheses
    if (close == std::string::npos || close + 2 > text.size()) return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    // Fields after the name start at number 3; number 22 is the start time in clock ticks since boot.
    for (int i = 3; i <= 22 && fields >> field; ++i) {
        if (i != 22) continue;
        timespec now{};
        clock_gettime(CLOCK_BOOTTIME, &now);
        const double start_ms = std::stod(field) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
        return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6 - start_ms;
    }
    return -1;
}

}  // namespace desa
