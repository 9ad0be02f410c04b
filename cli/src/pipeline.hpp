#pragma once
// Usage:
//   cli::extract_in_order(io.inputs, opt, dicts, /*threads=*/4,
//       [&](const core::article& a) { return !db.contains(a); },        // admit (may be empty)
//       [&](core::article& a, extract::extraction_result* r) { ... },    // r null when not admitted
//       [&](const core::diagnostic& d) { ... });                         // input problems
// Reads the inputs on the calling thread, codes the articles on `threads` worker threads and
// hands every result back on the calling thread in input order, so what a caller writes is
// byte for byte what a serial run writes. An input diagnostic reaches `on_diagnostic` just
// before the next article's result, as it would in a serial run. With threads <= 1 no thread
// is started: each article is coded and handed over before the next one is read.
//
// Only the calling thread runs `admit`, `consume` and `on_diagnostic`, so they may use
// single-threaded resources (a database, an output stream). Workers only call the work
// function (extract::extract_events over shared const dictionaries by default). At most
// max_in_flight articles (4 per worker by default) are read but not yet consumed, so memory
// stays bounded on any corpus. An exception thrown by a worker (std::bad_alloc, say) is
// rethrown on the calling thread when its article's turn comes; one from `consume` or the
// reader stops the workers and propagates as is.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "diplograph/core/article.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"

namespace diplograph::cli {

// std::thread::hardware_concurrency(), at least 1.
unsigned default_thread_count();

// One article on its way through the pipeline.
struct pipeline_job {
  std::vector<core::diagnostic> preceding;  // input diagnostics reported before this article
  core::article article;
  bool admitted = true;                     // false: not coded, result stays empty
  extract::extraction_result result;
};

// The ordered thread pool under extract_in_order, usable on its own (tests give it other work).
class ordered_pipeline {
 public:
  using work_fn = std::function<void(pipeline_job&)>;     // on a worker; called concurrently
  using consume_fn = std::function<void(pipeline_job&)>;  // on the calling thread, in push order

  // Requires: threads >= 1. max_in_flight 0 means 4 * threads.
  ordered_pipeline(unsigned threads, work_fn work, consume_fn consume, std::size_t max_in_flight = 0);
  ~ordered_pipeline();  // stops and joins the workers; unconsumed jobs are dropped
  ordered_pipeline(const ordered_pipeline&) = delete;
  ordered_pipeline& operator=(const ordered_pipeline&) = delete;

  // Queues a job (admitted jobs go to the workers), then consumes the finished jobs at the
  // head of the queue, waiting while max_in_flight jobs are pending. Rethrows a worker's
  // exception when its job reaches the head.
  void push(pipeline_job job);
  // Consumes everything still pending, waiting for the workers; then stops them.
  void finish();

 private:
  struct slot {
    pipeline_job job;
    bool done = false;               // guarded by mutex_
    std::exception_ptr error;        // written by the worker before done
  };

  void work_loop();
  void consume_ready(std::size_t keep_at_most);
  void stop() noexcept;

  work_fn work_;
  consume_fn consume_;
  std::size_t max_in_flight_;
  std::deque<std::unique_ptr<slot>> window_;  // pending jobs in push order; calling thread only

  std::mutex mutex_;
  std::condition_variable work_ready_;   // workers wait for todo_ or stopping_
  std::condition_variable head_done_;    // the calling thread waits for awaited_->done
  std::deque<slot*> todo_;               // admitted jobs not yet taken by a worker
  const slot* awaited_ = nullptr;
  bool stopping_ = false;

  std::vector<std::thread> workers_;     // last: started once everything above exists
};

using admit_fn = std::function<bool(const core::article&)>;
using result_fn = std::function<void(core::article&, extract::extraction_result*)>;
using diagnostic_fn = std::function<void(const core::diagnostic&)>;

// Reads `inputs` and codes every article with `dicts`; see the top of this file. `admit`, when
// set, runs on the calling thread before an article is dispatched; an article it rejects is
// handed to `consume` with a null result. Returns what extract::read_inputs returns.
std::size_t extract_in_order(const std::vector<std::string>& inputs, const extract::ingest_options& options,
                             const extract::dictionaries& dicts, unsigned threads, const admit_fn& admit,
                             const result_fn& consume, const diagnostic_fn& on_diagnostic);

}  // namespace diplograph::cli
