// The board's sounds: the chime made in code, WAV files, and espeak-ng speech rendered offline to
// PCM (non-silent, of plausible length for its syllables). The chime must survive speech being
// off or failing: that is what residents of other queue systems complained about.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "voice/announcement.hpp"
#include "voice/chime.hpp"
#include "voice/number_words.hpp"
#include "voice/pcm.hpp"
#include "voice/speech.hpp"

using namespace desa::voice;

namespace {

// Power of `hz` in [from, to) seconds (Goertzel), normalised by the window length.
double power_at(const Pcm& pcm, double hz, double from, double to) {
    const auto a = static_cast<std::size_t>(from * pcm.sample_rate), b = static_cast<std::size_t>(to * pcm.sample_rate);
    const double k = 2 * std::cos(2 * std::numbers::pi * hz / pcm.sample_rate);
    double s1 = 0, s2 = 0;
    for (std::size_t i = a; i < b && i < pcm.samples.size(); ++i) {
        const double s0 = pcm.samples[i] + k * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return (s1 * s1 + s2 * s2 - k * s1 * s2) / static_cast<double>(b - a);
}

// Indonesian spelling is phonemic: a syllable has one vowel letter (diphthongs aside).
int syllables(std::string_view text) {
    int n = 0;
    for (char c : text) n += std::string_view("aeiouAEIOU").find(c) != std::string_view::npos;
    return n;
}

}  // namespace

TEST_CASE("chime: two tones, the expected duration, audible, no click at the end", "[voice]") {
    const Pcm chime = make_chime();
    CHECK(chime.sample_rate == kSampleRate);
    CHECK(chime.seconds() == Approx(kChimeSeconds).margin(1.0 / kSampleRate));
    CHECK(rms(chime) > 2000);
    CHECK(peak(chime) == Approx(0.6 * 32767).epsilon(0.01));
    CHECK(audible_seconds(chime) > 1.2);
    // Ding then dong: the high tone leads, the low one follows.
    CHECK(power_at(chime, kChimeHighHz, 0.05, 0.45) > 10 * power_at(chime, kChimeLowHz, 0.05, 0.45));
    CHECK(power_at(chime, kChimeLowHz, 0.65, 1.05) > 3 * power_at(chime, kChimeHighHz, 0.65, 1.05));
    // Faded out: the last 5 ms are near silence.
    const Pcm tail{kSampleRate, {chime.samples.end() - kSampleRate / 200, chime.samples.end()}};
    CHECK(peak(tail) < 400);
    CHECK(make_chime().samples == chime.samples);  // deterministic
    CHECK(peak(make_chime(0.3)) == Approx(0.3 * 32767).epsilon(0.01));
}

TEST_CASE("WAV: written and read back, damaged files refused", "[voice]") {
    Pcm pcm = make_chime();
    const std::string bytes = wav_bytes(pcm);
    REQUIRE(bytes.size() == 44 + pcm.samples.size() * 2);
    CHECK(bytes.substr(0, 4) == "RIFF");
    CHECK(bytes.substr(8, 8) == "WAVEfmt ");
    const auto back = parse_wav(bytes);
    REQUIRE(back);
    CHECK(back->sample_rate == kSampleRate);
    CHECK(back->samples == pcm.samples);

    CHECK_FALSE(parse_wav(""));
    CHECK_FALSE(parse_wav("RIFF"));
    CHECK_FALSE(parse_wav(bytes.substr(0, 40)));                 // header cut before the data chunk
    CHECK_FALSE(parse_wav(bytes.substr(0, bytes.size() - 10)));  // data shorter than it says
    std::string stereo = bytes;
    stereo[22] = 2;
    CHECK_FALSE(parse_wav(stereo));
    std::string eight_bit = bytes;
    eight_bit[34] = 8;
    CHECK_FALSE(parse_wav(eight_bit));
    std::string not_wave = bytes;
    not_wave[8] = 'X';
    CHECK_FALSE(parse_wav(not_wave));
}

TEST_CASE("PCM helpers: silence, joining, gain, resampling", "[voice]") {
    Pcm pcm;
    append_silence(pcm, 0.5);
    CHECK(pcm.seconds() == Approx(0.5));
    CHECK(rms(pcm) == 0);
    CHECK(audible_seconds(pcm) == 0);
    append(pcm, make_chime());
    CHECK(pcm.seconds() == Approx(0.5 + kChimeSeconds).margin(0.001));
    REQUIRE_THROWS_AS(append(pcm, Pcm{44100, {1, 2, 3}}), std::invalid_argument);
    Pcm half = pcm;
    scale(half, 0.5);
    CHECK(peak(half) == Approx(peak(pcm) / 2).margin(1));
    const Pcm up = resampled(pcm, 44100);
    CHECK(up.seconds() == Approx(pcm.seconds()).margin(0.001));
    CHECK(rms(up) == Approx(rms(pcm)).epsilon(0.02));
    REQUIRE_THROWS_AS(resampled(pcm, 0), std::invalid_argument);
}

TEST_CASE("speech: a call sentence is spoken, audibly and at a plausible length", "[voice][espeak]") {
    const std::string sentence = *call_sentence("A012", 1);
    const SpeechResult speech = synthesize_speech(sentence);
    REQUIRE(speech.ok());
    const Pcm& pcm = speech.pcm;
    CHECK(pcm.sample_rate == kSampleRate);
    CHECK(rms(pcm) > 800);  // far above silence (0) and hiss
    const double per_syllable = audible_seconds(pcm) / syllables(sentence);
    INFO("syllables " << syllables(sentence) << ", audible " << audible_seconds(pcm) << " s");
    CHECK(per_syllable > 0.10);  // not a click or a clipped word
    CHECK(per_syllable < 0.40);  // not stretched, not a loop
    // A faster rate is shorter; a longer sentence is longer.
    const SpeechResult fast = synthesize_speech(sentence, {"id", 260, 50});
    REQUIRE(fast.ok());
    CHECK(fast.pcm.seconds() < pcm.seconds() * 0.8);
    const SpeechResult longer = synthesize_speech(*call_sentence("Z999", 99));
    REQUIRE(longer.ok());
    CHECK(longer.pcm.seconds() > pcm.seconds());
}

TEST_CASE("speech: bad requests are refused, and the engine still works after", "[voice][espeak]") {
    CHECK_FALSE(synthesize_speech("").ok());
    CHECK_FALSE(synthesize_speech(std::string(kMaxSpeechText + 1, 'a')).ok());
    CHECK_FALSE(synthesize_speech(std::string("nol\0dua", 7)).ok());
    CHECK_FALSE(synthesize_speech("satu", {"ID!", 140, 50}).ok());
    CHECK_FALSE(synthesize_speech("satu", {"", 140, 50}).ok());
    CHECK_FALSE(synthesize_speech("satu", {"id", 10, 50}).ok());
    CHECK_FALSE(synthesize_speech("satu", {"id", 140, 100}).ok());
    const SpeechResult unknown = synthesize_speech("satu", {"zz-nope", 140, 50});
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.error.find("zz-nope") != std::string::npos);
    CHECK(unknown.pcm.samples.empty());
    const SpeechResult again = synthesize_speech("satu dua tiga");
    REQUIRE(again.ok());
    CHECK(rms(again.pcm) > 800);
}

TEST_CASE("call audio: chime then speech, the chime stays when speech is off or fails", "[voice][espeak]") {
    BoardConfig config;
    config.volume = 100;
    const CallAudio both = make_call_audio("A012", 1, config);
    CHECK(both.spoken);
    CHECK(both.sentence == "Nomor antrian A nol dua belas, silakan ke loket satu.");
    CHECK(both.pcm.seconds() > kChimeSeconds + kGapAfterChime + 1.5);
    // It starts with the ding.
    CHECK(power_at(both.pcm, kChimeHighHz, 0.05, 0.45) > 10 * power_at(both.pcm, kChimeLowHz, 0.05, 0.45));

    config.speech = false;
    const CallAudio chime_only = make_call_audio("A012", 1, config);
    CHECK_FALSE(chime_only.spoken);
    CHECK(chime_only.speech_error.empty());
    CHECK(chime_only.pcm.seconds() == Approx(kChimeSeconds).margin(0.001));
    CHECK(rms(chime_only.pcm) > 2000);

    config.speech = true;
    config.voice = "zz-nope";  // espeak-ng cannot speak: still the chime, and the reason
    const CallAudio failed = make_call_audio("A012", 1, config);
    CHECK_FALSE(failed.spoken);
    CHECK_FALSE(failed.speech_error.empty());
    CHECK(failed.pcm.seconds() == Approx(kChimeSeconds).margin(0.001));
    CHECK(rms(failed.pcm) > 2000);

    config.voice = "id";
    config.repeat = 2;
    const CallAudio twice = make_call_audio("A012", 1, config);
    CHECK(twice.pcm.seconds() > both.pcm.seconds() + 1.5);
    config.repeat = 1;
    config.chime = false;
    const CallAudio speech_only = make_call_audio("A012", 1, config);
    CHECK(speech_only.pcm.seconds() == Approx(both.pcm.seconds() - kChimeSeconds - kGapAfterChime).margin(0.01));
    config.volume = 40;
    const CallAudio quiet = make_call_audio("A012", 1, config);
    // espeak-ng varies its output slightly from call to call: the loudness, not each sample.
    CHECK(rms(quiet.pcm) == Approx(rms(speech_only.pcm) * 0.4).epsilon(0.1));
    config.volume = 0;
    CHECK(rms(make_call_audio("A012", 1, config).pcm) == 0);

    REQUIRE_THROWS_AS(make_call_audio("A12", 1, config), std::invalid_argument);
    REQUIRE_THROWS_AS(make_call_audio("A012", 0, config), std::invalid_argument);
}
