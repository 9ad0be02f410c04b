#include "pipeline.hpp"

#include <utility>

namespace diplograph::cli {

unsigned default_thread_count() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

// ------------------------------------------------------------------ ordered_pipeline

ordered_pipeline::ordered_pipeline(unsigned threads, work_fn work, consume_fn consume, std::size_t max_in_flight)
    : work_(std::move(work)),
      consume_(std::move(consume)),
      max_in_flight_(max_in_flight == 0 ? 4 * std::size_t{threads == 0 ? 1u : threads} : max_in_flight) {
  if (threads == 0) threads = 1;
  try {
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work_loop(); });
  } catch (...) {
    stop();  // the destructor does not run when the constructor throws
    throw;
  }
}

ordered_pipeline::~ordered_pipeline() { stop(); }

void ordered_pipeline::stop() noexcept {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    todo_.clear();
  }
  work_ready_.notify_all();
  for (auto& t : workers_)
    if (t.joinable()) t.join();
  workers_.clear();
}

void ordered_pipeline::work_loop() {
  for (;;) {
    slot* s = nullptr;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !todo_.empty(); });
      if (stopping_) return;
      s = todo_.front();
      todo_.pop_front();
    }
    try {
      work_(s->job);
    } catch (...) {
      s->error = std::current_exception();  // rethrown on the calling thread, in order
    }
    bool wake = false;
    {
      std::lock_guard lock(mutex_);
      s->done = true;
      wake = awaited_ == s;
    }
    if (wake) head_done_.notify_one();
  }
}

void ordered_pipeline::push(pipeline_job job) {
  auto s = std::make_unique<slot>();
  s->job = std::move(job);
  slot* p = s.get();
  const bool admitted = p->job.admitted;
  p->done = !admitted;  // nothing to do; no worker ever sees it
  window_.push_back(std::move(s));
  if (admitted) {
    {
      std::lock_guard lock(mutex_);
      todo_.push_back(p);
    }
    work_ready_.notify_one();
  }
  consume_ready(max_in_flight_ - 1);
}

void ordered_pipeline::finish() {
  consume_ready(0);
  stop();
}

// Consumes finished jobs from the head of the window; waits for the head while more than
// `keep_at_most` jobs are pending.
void ordered_pipeline::consume_ready(std::size_t keep_at_most) {
  while (!window_.empty()) {
    slot* head = window_.front().get();
    {
      std::unique_lock lock(mutex_);
      if (!head->done) {
        if (window_.size() <= keep_at_most) return;
        awaited_ = head;
        head_done_.wait(lock, [head] { return head->done; });
        awaited_ = nullptr;
      }
    }
    const std::unique_ptr<slot> s = std::move(window_.front());
    window_.pop_front();
    if (s->error) std::rethrow_exception(s->error);
    consume_(s->job);
  }
}

// ------------------------------------------------------------------ extract_in_order

std::size_t extract_in_order(const std::vector<std::string>& inputs, const extract::ingest_options& options,
                             const extract::dictionaries& dicts, unsigned threads, const admit_fn& admit,
                             const result_fn& consume, const diagnostic_fn& on_diagnostic) {
  if (threads <= 1) {
    // Serial: no threads, each article coded and handed over before the next is read.
    return extract::read_inputs(
        inputs, options,
        [&](core::article a) {
          if (admit && !admit(a)) {
            consume(a, nullptr);
            return;
          }
          auto result = extract::extract_events(a, dicts);
          consume(a, &result);
        },
        [&](core::diagnostic d) { on_diagnostic(d); });
  }

  ordered_pipeline pipeline{
      threads,
      [&dicts](pipeline_job& job) { job.result = extract::extract_events(job.article, dicts); },
      [&](pipeline_job& job) {
        for (const auto& d : job.preceding) on_diagnostic(d);
        consume(job.article, job.admitted ? &job.result : nullptr);
      }};
  std::vector<core::diagnostic> pending;  // input diagnostics waiting for the next article
  const std::size_t failed = extract::read_inputs(
      inputs, options,
      [&](core::article a) {
        pipeline_job job;
        job.admitted = !admit || admit(a);
        job.preceding = std::move(pending);
        pending.clear();
        job.article = std::move(a);
        pipeline.push(std::move(job));
      },
      [&](core::diagnostic d) { pending.push_back(std::move(d)); });
  pipeline.finish();
  for (const auto& d : pending) on_diagnostic(d);
  return failed;
}

}  // namespace diplograph::cli
