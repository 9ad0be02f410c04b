// Usage: build/release/bench/diplograph_bench --benchmark_filter='segment|match|extract'
// The extraction pipeline on one ~3 KB article: paragraph segmentation plus sentence
// splitting, dictionary lookups at every token, and coding the whole article.

#include <benchmark/benchmark.h>

#include <filesystem>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "bench_data.hpp"
#include "diplograph/core/article.hpp"
#include "diplograph/core/ids.hpp"
#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"
#include "diplograph/extract/sentences.hpp"
#include "diplograph/extract/timex.hpp"

namespace diplograph::bench {
namespace {

// The article as ingest leaves it: text, boilerplate and caption segments, published date.
core::article prepared_news_article() {
  core::article a;
  a.id = core::article_id{"bench-vienna"};
  a.text = news_text();
  a.origin = "bench";
  return extract::prepare_article(std::move(a), extract::ingest_options{}).article;
}

void bm_segment_and_split(benchmark::State& state) {
  const auto& text = news_text();
  std::size_t sentences = 0;
  std::size_t tokens = 0;
  for (auto _ : state) {
    const auto segments = extract::segment_text(text);
    const auto t = extract::split_sentences(text, segments);
    sentences = t.sentences.size();
    tokens = t.tokens.size();
    benchmark::DoNotOptimize(t.tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sentences));
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(bm_segment_and_split);

// Segmentation alone, to tell its share of the above.
void bm_segment_text(benchmark::State& state) {
  const auto& text = news_text();
  for (auto _ : state) {
    const auto segments = extract::segment_text(text);
    benchmark::DoNotOptimize(segments.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(bm_segment_text);

void bm_dictionaries_load(benchmark::State& state) {
  // Checks that loading works at all; a failure skips this benchmark with the reason.
  if (built_in_dictionaries(state) == nullptr) return;
  for (auto _ : state) {
    auto dicts = extract::dictionaries::load(dictionary_directory());
    benchmark::DoNotOptimize(dicts.phrase_count());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_dictionaries_load)->Unit(benchmark::kMillisecond);

// The PETRARCH-2/Phoenix dictionaries through the importer (with our grammar and CAMEO table),
// for comparison with our own; skipped when ../shared is absent.
void bm_phoenix_dictionaries_load(benchmark::State& state) {
  const std::filesystem::path phoenix = DIPLOGRAPH_BENCH_PHOENIX_DIR;
  std::error_code ec;
  if (!std::filesystem::is_directory(phoenix, ec)) {
    state.SkipWithError("../shared/dictionaries/phoenix is absent");
    return;
  }
  std::size_t phrases = 0;
  for (auto _ : state) {
    auto dicts = extract::dictionaries::load({{phoenix, extract::dictionary_format::petrarch}},
                                             dictionary_directory());
    phrases = dicts.phrase_count();
    benchmark::DoNotOptimize(phrases);
  }
  state.counters["phrases"] = static_cast<double>(phrases);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_phoenix_dictionaries_load)->Unit(benchmark::kMillisecond)->Iterations(1);

// match_actor at every token of every sentence, as the coder's first pass does.
void bm_match_actor_every_token(benchmark::State& state) {
  const auto* dicts = built_in_dictionaries(state);
  if (dicts == nullptr) return;
  const auto a = prepared_news_article();
  const auto t = extract::split_sentences(a.text, a.segments);
  std::size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const auto& s : t.sentences) {
      for (std::size_t i = s.first_token; i < s.end_token(); ++i) {
        const auto m = dicts->match_actor(t, i, s.end_token());
        matches += m.length > 0 ? 1 : 0;
      }
    }
    benchmark::DoNotOptimize(matches);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.tokens.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(a.text.size()));
  state.counters["tokens"] = static_cast<double>(t.tokens.size());
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(bm_match_actor_every_token);

// One article through the coder; items are articles.
void bm_extract_events(benchmark::State& state) {
  const auto* dicts = built_in_dictionaries(state);
  if (dicts == nullptr) return;
  const auto a = prepared_news_article();
  std::size_t events = 0;
  for (auto _ : state) {
    const auto result = extract::extract_events(a, *dicts);
    events = result.events.size();
    benchmark::DoNotOptimize(result.events.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(a.text.size()));
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(bm_extract_events);

// TIMEX3 tagging on tokens already split, against the baseline of splitting alone
// (bm_segment_and_split): items are time expressions, so items/s is expressions per second.
void bm_timex(benchmark::State& state) {
  const auto a = prepared_news_article();
  const auto t = extract::split_sentences(a.text, a.segments);
  const auto anchor = core::parse_iso_day("2017-03-24");
  std::size_t found = 0;
  for (auto _ : state) {
    const auto x = extract::tag_timex(a.text, t, anchor);
    found = x.size();
    benchmark::DoNotOptimize(x.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(found));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(a.text.size()));
  state.counters["expressions"] = static_cast<double>(found);
}
BENCHMARK(bm_timex);

// Splitting and tagging together: what `diplograph timex` does per article.
void bm_split_and_timex(benchmark::State& state) {
  const auto a = prepared_news_article();
  const auto anchor = core::parse_iso_day("2017-03-24");
  std::size_t found = 0;
  for (auto _ : state) {
    const auto t = extract::split_sentences(a.text, a.segments);
    const auto x = extract::tag_timex(a.text, t, anchor);
    found = x.size();
    benchmark::DoNotOptimize(x.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(found));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(a.text.size()));
}
BENCHMARK(bm_split_and_timex);

}  // namespace
}  // namespace diplograph::bench
