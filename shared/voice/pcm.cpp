#include "voice/pcm.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace desa::voice {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_u16(std::string& out, std::uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
std::uint32_t get_u32(std::string_view b, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}
std::uint16_t get_u16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      (static_cast<unsigned char>(b[at + 1]) << 8));
}

}  // namespace

double rms(const Pcm& pcm) {
    if (pcm.samples.empty()) return 0.0;
    double sum = 0;
    for (const std::int16_t s : pcm.samples) sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(pcm.samples.size()));
}

int peak(const Pcm& pcm) {
    int loudest = 0;
    for (const std::int16_t s : pcm.samples) loudest = std::max(loudest, std::abs(static_cast<int>(s)));
    return loudest;
}

double audible_seconds(const Pcm& pcm, int threshold) {
    const auto loud = [threshold](std::int16_t s) { return std::abs(static_cast<int>(s)) > threshold; };
    const auto first = std::find_if(pcm.samples.begin(), pcm.samples.end(), loud);
    if (first == pcm.samples.end() || pcm.sample_rate <= 0) return 0.0;
    const auto last = std::find_if(pcm.samples.rbegin(), pcm.samples.rend(), loud);
    const auto count = std::distance(first, last.base());
    return static_cast<double>(count) / pcm.sample_rate;
}

void append_silence(Pcm& pcm, double seconds) {
    if (seconds <= 0) return;
    pcm.samples.resize(pcm.samples.size() + static_cast<std::size_t>(std::lround(seconds * pcm.sample_rate)), 0);
}

void append(Pcm& pcm, const Pcm& more) {
    if (more.samples.empty()) return;
    if (pcm.sample_rate != more.sample_rate) throw std::invalid_argument("PCM sample rates differ");
    pcm.samples.insert(pcm.samples.end(), more.samples.begin(), more.samples.end());
}

Pcm resampled(const Pcm& pcm, int rate) {
    if (rate <= 0 || pcm.sample_rate <= 0) throw std::invalid_argument("sample rate must be positive");
    if (rate == pcm.sample_rate || pcm.samples.empty()) return Pcm{rate, pcm.samples};
    const double step = static_cast<double>(pcm.sample_rate) / rate;
    const auto count = static_cast<std::size_t>(static_cast<double>(pcm.samples.size()) / step);
    Pcm out{rate, {}};
    out.samples.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double at = static_cast<double>(i) * step;
        const auto j = static_cast<std::size_t>(at);
        const double frac = at - static_cast<double>(j);
        const double a = pcm.samples[j];
        const double b = j + 1 < pcm.samples.size() ? pcm.samples[j + 1] : a;
        out.samples[i] = static_cast<std::int16_t>(std::lround(a + (b - a) * frac));
    }
    return out;
}

void scale(Pcm& pcm, double gain) {
    gain = std::clamp(gain, 0.0, 1.0);
    for (std::int16_t& s : pcm.samples)
        s = static_cast<std::int16_t>(std::clamp<long>(std::lround(s * gain), -32768, 32767));
}

std::string wav_bytes(const Pcm& pcm) {
    const auto data_bytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    std::string out;
    out.reserve(44 + data_bytes);
    out += "RIFF";
    put_u32(out, 36 + data_bytes);
    out += "WAVEfmt ";
    put_u32(out, 16);
    put_u16(out, 1);  // PCM
    put_u16(out, 1);  // mono
    put_u32(out, static_cast<std::uint32_t>(pcm.sample_rate));
    put_u32(out, static_cast<std::uint32_t>(pcm.sample_rate) * 2);  // bytes per second
    put_u16(out, 2);                                                // block align
    put_u16(out, 16);                                               // bits per sample
    out += "data";
    put_u32(out, data_bytes);
    for (const std::int16_t s : pcm.samples) put_u16(out, static_cast<std::uint16_t>(s));
    return out;
}

std::optional<Pcm> parse_wav(std::string_view b) {
    if (b.size() < 12 || b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WAVE") return std::nullopt;
    std::optional<Pcm> pcm;
    bool format_ok = false;
    // Walk the chunks; anything but "fmt " and "data" is skipped (files from other tools carry "LIST").
    for (std::size_t at = 12; at + 8 <= b.size();) {
        const std::string_view id = b.substr(at, 4);
        const std::uint32_t size = get_u32(b, at + 4);
        if (size > b.size() - at - 8) return std::nullopt;
        const std::size_t body = at + 8;
        if (id == "fmt ") {
            if (size < 16 || get_u16(b, body) != 1 || get_u16(b, body + 2) != 1 || get_u16(b, body + 14) != 16)
                return std::nullopt;
            pcm = Pcm{static_cast<int>(get_u32(b, body + 4)), {}};
            format_ok = pcm->sample_rate > 0 && pcm->sample_rate <= 384'000;
        } else if (id == "data") {
            if (!format_ok || size % 2 != 0) return std::nullopt;
            pcm->samples.resize(size / 2);
            for (std::size_t i = 0; i < pcm->samples.size(); ++i)
                pcm->samples[i] = static_cast<std::int16_t>(get_u16(b, body + 2 * i));
            return pcm;
        }
        at = body + size + (size % 2);  // chunks are padded to an even size
    }
    return std::nullopt;
}

void write_wav(const std::filesystem::path& file, const Pcm& pcm) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    const std::string bytes = wav_bytes(pcm);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace desa::voice
