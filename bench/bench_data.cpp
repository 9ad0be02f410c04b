#include "bench_data.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/ids.hpp"

namespace diplograph::bench {
namespace {

// Paragraphs of an invented story, in the shape wire copy has: dateline, attributed speech,
// "U.S." and "Mr." inside sentences, numbers with decimals, a quotation running over two
// sentences, a photo caption with its credit and a closing credit line (boilerplate).
constexpr std::array<std::string_view, 14> story = {
    "VIENNA, March 14, 2019 (Reuters) - Iran and the European Union agreed on Thursday to "
    "resume technical talks on the 2015 nuclear accord, after two days of meetings that "
    "diplomats on both sides described as tense but useful.",

    "The U.S. State Department criticised the decision, saying Washington would not ease "
    "sanctions until Tehran changed course. A department spokeswoman said the United States "
    "remained open to dialogue but would keep up pressure on the Iranian government.",

    "European diplomats said the talks would reopen in Geneva on April 2. \"We have a narrow "
    "window. We intend to use every day of it,\" a senior EU official told reporters. France and "
    "Germany urged Iran to return to full compliance, while Russia accused Washington of "
    "undermining the agreement.",

    "Iranian Foreign Minister speaks to the media after the talks in Vienna, Austria March 14, "
    "2019. REUTERS/Staff Photographer",

    "The Israeli prime minister warned that Israel would act alone if it had to. Israeli jets "
    "struck targets near Damascus on Wednesday, the Syrian army said, the third such raid this "
    "month. Syria condemned the strikes and asked the U.N. Security Council to meet.",

    "China called for restraint by all sides. The Chinese foreign ministry said Beijing "
    "supported the talks and would send a deputy minister to Geneva. Saudi Arabia, a close U.S. "
    "ally, said it backed Washington and accused Iran of arming Houthi rebels in Yemen.",

    "The International Atomic Energy Agency said in a quarterly report that Iran had kept its "
    "stock of enriched uranium below 300 kg, the limit set by the accord. Inspectors visited "
    "4.5 sites a month on average, the agency said.",

    "Oil prices rose 1.2 percent on the news. Analysts at two banks said markets had expected "
    "the talks to collapse and would now watch Geneva closely.",

    "Turkey and Qatar offered to host a later round. The Turkish president met the Iranian "
    "foreign minister in Ankara on Tuesday, and Mr. Cavusoglu, his own foreign minister, said "
    "both countries opposed new sanctions.",

    "In Brussels, NATO said the alliance was not a party to the talks. The European Commission "
    "pledged 18 million euros to help Iranian firms trade with Europe through a new payment "
    "channel, and Britain said it would join the scheme.",

    "Iraqi officials said Baghdad would not allow its territory to be used for attacks on "
    "neighbours. Lebanon's Hezbollah praised the Syrian government and threatened Israel.",

    "Earlier this year Gen. Haddad, a retired Jordanian officer who advises the Arab League, "
    "said the region could not afford \"another decade of raids and reprisals.\" Jordan and "
    "Egypt have both called for a regional security conference.",

    "Pakistan offered to mediate between Tehran and Riyadh on Friday. Officials in Islamabad "
    "said the prime minister had spoken by phone with the Saudi crown prince and would visit "
    "Tehran next week, the first such trip since 2016.",

    "Reporting by Vienna newsroom; Editing by World desk",
};

std::string join_paragraphs() {
  std::string text;
  for (const auto paragraph : story) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  text += '\n';
  return text;
}

// A pool of actors as they appear in coded news: states, their governments and militaries,
// IGOs, groups, and a few people without a code (keyed by name).
std::vector<core::actor> actor_pool() {
  static constexpr std::array<std::string_view, 60> countries = {
      "USA", "RUS", "CHN", "IRN", "ISR", "SYR", "TUR", "SAU", "IRQ", "FRA", "DEU", "GBR",
      "UKR", "PAK", "IND", "AFG", "EGY", "LBN", "YEM", "QAT", "ARE", "JOR", "LBY", "SDN",
      "ETH", "KEN", "NGA", "ZAF", "BRA", "ARG", "MEX", "VEN", "COL", "CUB", "CAN", "JPN",
      "KOR", "PRK", "TWN", "VNM", "PHL", "IDN", "MYS", "THA", "MMR", "BGD", "LKA", "NPL",
      "POL", "ITA", "ESP", "GRC", "SRB", "BLR", "GEO", "ARM", "AZE", "KAZ", "UZB", "SOM"};
  static constexpr std::array<std::pair<std::string_view, core::actor_kind>, 4> roles = {{
      {"", core::actor_kind::country},
      {"GOV", core::actor_kind::government},
      {"MIL", core::actor_kind::organisation},
      {"OPP", core::actor_kind::group},
  }};
  static constexpr std::array<std::string_view, 8> igos = {"IGOUNO", "NATO",   "EUR",    "IGOARL",
                                                           "IGOAFR", "IGOIAE", "IGOWTO", "IGOOPC"};
  static constexpr std::array<std::string_view, 6> people = {
      "Abdel Karim Haddad", "Maria Okonkwo-Brandt", "Li Wenjun",
      "Pavel Sorokin",      "Amina El-Fassi",       "Jorge Villanueva"};

  std::vector<core::actor> pool;
  for (const auto country : countries) {
    for (const auto& [role, kind] : roles) {
      std::string code{country};
      code += role;
      std::string name{country};
      if (!role.empty()) {
        name += ' ';
        name += role;
      }
      pool.push_back(core::actor{code, name, std::string{country}, kind});
    }
  }
  for (const auto igo : igos) {
    pool.push_back(core::actor{std::string{igo}, std::string{igo}, "", core::actor_kind::igo});
  }
  for (const auto person : people) {
    pool.push_back(core::actor{"", std::string{person}, "", core::actor_kind::person});
  }
  return pool;
}

struct code_row {
  std::string_view code;
  double goldstein;
  core::quad_class quad;
};

// A spread of CAMEO codes over the four quad classes, frequent ones (statements, meetings)
// listed more than once.
constexpr std::array<code_row, 14> codes = {{
    {"010", 0.0, core::quad_class::verbal_cooperation},
    {"010", 0.0, core::quad_class::verbal_cooperation},
    {"036", 4.0, core::quad_class::verbal_cooperation},
    {"042", 1.9, core::quad_class::verbal_cooperation},
    {"043", 2.8, core::quad_class::verbal_cooperation},
    {"057", 8.0, core::quad_class::verbal_cooperation},
    {"070", 7.0, core::quad_class::material_cooperation},
    {"081", 5.0, core::quad_class::material_cooperation},
    {"111", -2.0, core::quad_class::verbal_conflict},
    {"112", -2.0, core::quad_class::verbal_conflict},
    {"130", -4.4, core::quad_class::verbal_conflict},
    {"163", -8.0, core::quad_class::material_conflict},
    {"173", -5.0, core::quad_class::material_conflict},
    {"190", -10.0, core::quad_class::material_conflict},
}};

}  // namespace

const std::string& news_text() {
  static const std::string text = join_paragraphs();
  return text;
}

std::vector<core::event> synthetic_events(std::size_t n, std::uint32_t seed) {
  const auto pool = actor_pool();
  std::mt19937 rng{seed};

  // Zipf-like: the k-th actor is picked with weight 1/(k+1)^0.9, so a few actors dominate.
  std::vector<double> weights(pool.size());
  for (std::size_t k = 0; k < weights.size(); ++k) {
    weights[k] = 1.0 / std::pow(static_cast<double>(k + 1), 0.9);
  }
  std::discrete_distribution<std::size_t> pick_actor{weights.begin(), weights.end()};
  std::uniform_int_distribution<std::size_t> pick_code{0, codes.size() - 1};
  std::uniform_int_distribution<int> pick_day{0, 4 * 365};
  std::uniform_int_distribution<int> percent{0, 99};

  const core::calendar_day first_day = date::sys_days{date::year{2016} / 1 / 1};
  constexpr std::size_t events_per_article = 4;

  std::vector<core::event> events;
  events.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    core::event e;
    e.article = core::article_id{"syn-" + std::to_string(i / events_per_article)};
    e.sentence = i % events_per_article;
    e.source = pool[pick_actor(rng)];
    if (percent(rng) >= 5) {
      std::size_t target = pick_actor(rng);
      while (pool[target] == *e.source) target = pick_actor(rng);
      e.target = pool[target];
    }
    if (percent(rng) >= 10) {
      e.date = core::dated{first_day + date::days{pick_day(rng)}, core::date_precision::day};
    }
    const auto& row = codes[pick_code(rng)];
    e.code = std::string{row.code};
    e.goldstein = row.goldstein;
    e.quad = row.quad;
    e.negated = percent(rng) < 3;
    e.rule = "synthetic";
    events.push_back(std::move(e));
  }
  return events;
}

std::filesystem::path dictionary_directory() {
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read once, before any benchmark thread starts
  if (const char* env = std::getenv("DIPLOGRAPH_DICT_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return DIPLOGRAPH_BENCH_DICT_DIR;
}

const extract::dictionaries* built_in_dictionaries(benchmark::State& state) {
  struct loaded {
    std::unique_ptr<extract::dictionaries> dicts;
    std::string error;
  };
  static const loaded once = [] {
    loaded l;
    const std::filesystem::path dir = dictionary_directory();
    try {
      l.dicts = std::make_unique<extract::dictionaries>(extract::dictionaries::load(dir));
    } catch (const std::exception& e) {
      l.error = "cannot load dictionaries from " + dir.string() + ": " + e.what();
    }
    return l;
  }();
  if (!once.dicts) state.SkipWithError(once.error.c_str());
  return once.dicts.get();
}

counting_buffer::counting_buffer() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

std::size_t counting_buffer::bytes() const {
  return flushed_ + static_cast<std::size_t>(pptr() - pbase());
}

counting_buffer::int_type counting_buffer::overflow(int_type c) {
  flushed_ += static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

}  // namespace diplograph::bench
