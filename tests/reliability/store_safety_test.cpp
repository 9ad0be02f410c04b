// Pins: the store survives what happens to real ingests. A `diplograph ingest` killed with
// SIGKILL at 100 random points leaves a store that passes PRAGMA integrity_check and holds
// every article whole (with exactly the events, stances and mentions a reference ingest
// stores for it) or not at all, and running the ingest again completes it. Readers (`export`,
// `stats`) running during an ingest see one consistent snapshot (WAL). A read-only directory, a
// missing directory and a full disk ($DIPLOGRAPH_STORE_MAX_PAGES, as SQLite's max_page_count)
// each give an error naming the file, and what was stored before is still there, intact.
// Stores are read with SQLite directly (reliability_support.cpp), never through diplograph.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "reliability_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;
namespace dr = diplograph::reliability;

using dr::describe;

constexpr const char* day = "2017-03-24";

// `count` articles of one to three sentences between countries, each coding some events (a
// few also stances); `first` numbers them, so that two sets never share an article.
std::string articles_jsonl(int count, int first = 0) {
  static const std::vector<std::string> actors{"Syria", "Turkey", "Iran",   "Iraq",  "Israel", "Egypt",
                                               "France", "Britain", "Russia", "China", "Japan",  "India"};
  static const std::vector<std::string> verbs{"attacked",   "condemned", "met with",  "praised",
                                              "accused",    "threatened", "criticized", "welcomed"};
  std::string out;
  for (int i = first; i < first + count; ++i) {
    std::string text;
    for (int s = 0; s <= i % 3; ++s) {
      const auto a = static_cast<std::size_t>(i * 7 + s * 3) % actors.size();
      const auto b = (a + 1 + static_cast<std::size_t>(i + s) % (actors.size() - 1)) % actors.size();
      text += actors[a] + ' ' + verbs[static_cast<std::size_t>(i + s * 5) % verbs.size()] + ' ' + actors[b] +
              " on Monday. ";
    }
    if (i % 5 == 0) text += "The Syrian government said the presence of foreign troops was illegitimate. ";
    out += R"({"id":"a)" + std::to_string(i) + R"(","title":"Report )" + std::to_string(i) +
           R"(","text":")" + text + "Story " + std::to_string(i) + ".\"}\n";
  }
  return out;
}

std::vector<std::string> ingest_args(const fs::path& db, const fs::path& input) {
  return {"ingest", "--published", day, "--db", db.string(), input.string()};
}

void remove_store(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

// Every article of `store` has exactly its reference counts; returns what is wrong, or "".
std::string whole_or_absent(const dr::store_contents& store, const dr::store_contents& reference) {
  if (store.integrity != "ok") return "integrity_check: " + store.integrity;
  for (const auto& [id, counts] : store.articles) {
    const auto it = reference.articles.find(id);
    if (it == reference.articles.end()) return "article " + id + " is not in the reference";
    if (!(it->second == counts)) {
      return "article " + id + " holds " + std::to_string(counts.events) + " events, " +
             std::to_string(counts.stances) + " stances, " + std::to_string(counts.mentions) +
             " mentions; the reference " + std::to_string(it->second.events) + ", " +
             std::to_string(it->second.stances) + ", " + std::to_string(it->second.mentions);
    }
  }
  return "";
}

struct reference_store {
  fs::path input;        // the articles, as JSONL
  dr::store_contents contents;
  double seconds = 0.0;  // how long the ingest took
};

// Writes articles_jsonl(count, first) to `name` in `tmp` and ingests it into a store of its own.
reference_store ingest_reference(const dt::temp_dir& tmp, const std::string& name, int count, int first,
                                 const std::vector<std::string>& env) {
  const fs::path input = tmp / name;
  dt::write_file(input, articles_jsonl(count, first));
  const fs::path db = tmp / (name + ".reference.db");
  const auto r = dr::run(ingest_args(db, input), env);
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  reference_store ref{input, dr::read_store(db), r.seconds};
  EXPECT_EQ(ref.contents.integrity, "ok");
  long events = 0;
  long stances = 0;
  for (const auto& [id, c] : ref.contents.articles) {
    events += c.events;
    stances += c.stances;
  }
  EXPECT_GT(events, static_cast<long>(ref.contents.articles.size())) << "the articles code too few events";
  EXPECT_GT(stances, 0) << "the articles code no stance";
  return ref;
}

TEST(store_safety_test, kill_9_at_100_random_points_leaves_every_article_whole_or_absent) {
  dt::temp_dir tmp;
  // Small batches, so that kills land between commits as well as inside them.
  const std::vector<std::string> env{"DIPLOGRAPH_INGEST_BATCH=4"};
  const reference_store ref = ingest_reference(tmp, "articles.jsonl", 60, 0, env);
  ASSERT_EQ(ref.contents.articles.size(), 60U);
  const fs::path& input = ref.input;

  // The same store across runs, each killed at a random moment from start-up to the end of
  // the reference's duration; a run that finishes first must have completed the set, and the
  // next one starts afresh.
  const fs::path db = tmp / "killed.db";
  std::mt19937 random{20261125};
  std::uniform_int_distribution<long> delay_us{0, static_cast<long>(ref.seconds * 1.0e6)};
  int killed = 0;
  int finished = 0;
  for (int i = 0; i < 100; ++i) {
    const pid_t pid = dr::spawn(ingest_args(db, input), env);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    const auto store = dr::read_store(db);
    const std::string wrong = whole_or_absent(store, ref.contents);
    ASSERT_EQ(wrong, "") << "after run " << i;
    if (WIFSIGNALED(status)) {
      ++killed;
      if (i % 10 == 0 && fs::exists(db)) {  // a reader copes with the killed writer's WAL
        const auto stats = dr::run({"stats", "--db", db.string()});
        ASSERT_TRUE(stats.exit_code == 0 || dr::has_line(stats.err, "diplograph: cannot open database", "older"))
            << describe(stats);
      }
      continue;
    }
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "run " << i << " exited " << status;
    ++finished;
    ASSERT_EQ(store.articles.size(), ref.contents.articles.size()) << "a finished run left articles out";
    remove_store(db);
  }
  EXPECT_GE(killed, 50) << finished << " of 100 runs finished before their kill";

  // Running the ingest again completes the set, exactly as the reference.
  const auto rerun = dr::run(ingest_args(db, input), env);
  ASSERT_EQ(rerun.exit_code, 0) << describe(rerun);
  const auto done = dr::read_store(db);
  EXPECT_EQ(done.integrity, "ok");
  EXPECT_TRUE(done.articles == ref.contents.articles) << "the completed store differs from the reference";
}

// The article ids and event counts of `export --format jsonl` output.
std::map<std::string, long> events_per_article(const std::string& jsonl) {
  std::map<std::string, long> counts;
  const std::string key = R"({"article":")";
  for (std::size_t at = jsonl.find(key); at != std::string::npos; at = jsonl.find(key, at + 1)) {
    const std::size_t begin = at + key.size();
    ++counts[jsonl.substr(begin, jsonl.find('"', begin) - begin)];
  }
  return counts;
}

TEST(store_safety_test, readers_during_an_ingest_see_a_consistent_snapshot) {
  dt::temp_dir tmp;
  const std::vector<std::string> env{"DIPLOGRAPH_INGEST_BATCH=3"};
  const reference_store ref = ingest_reference(tmp, "articles.jsonl", 300, 0, env);
  const fs::path& input = ref.input;

  const fs::path db = tmp / "live.db";
  // The store exists (schema made) before the readers start.
  ASSERT_EQ(dr::run(ingest_args(db, tmp / "missing.jsonl"), env).exit_code, 1);
  const pid_t pid = dr::spawn(ingest_args(db, input), env);
  int reads = 0;
  int partial = 0;  // reads that saw some articles but not all
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    const auto exported = dr::run({"export", "--db", db.string(), "--format", "jsonl"});
    ASSERT_EQ(exported.exit_code, 0) << describe(exported);
    const auto seen = events_per_article(exported.out);
    for (const auto& [id, n] : seen) {
      const auto it = ref.contents.articles.find(id);
      ASSERT_NE(it, ref.contents.articles.end()) << id;
      ASSERT_EQ(n, it->second.events) << "article " << id << " is half there in a read";
    }
    const auto stats = dr::run({"stats", "--db", db.string()});
    ASSERT_EQ(stats.exit_code, 0) << describe(stats);
    ++reads;
    partial += !seen.empty() && seen.size() < ref.contents.articles.size() ? 1 : 0;
  }
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_GE(reads, 2) << "the ingest ended before the readers could look";
  EXPECT_GE(partial, 1) << "no read happened between the ingest's commits";
  EXPECT_TRUE(dr::read_store(db).articles == ref.contents.articles);
}

// Permission tests run the binary as nobody when the tests run as root (root ignores modes).
class scoped_mode {
 public:
  scoped_mode(fs::path p, fs::perms mode) : path_(std::move(p)), old_(fs::status(path_).permissions()) {
    fs::permissions(path_, mode);
  }
  ~scoped_mode() {
    std::error_code ec;
    fs::permissions(path_, old_, ec);
  }
  scoped_mode(const scoped_mode&) = delete;
  scoped_mode& operator=(const scoped_mode&) = delete;

 private:
  fs::path path_;
  fs::perms old_;
};

TEST(store_safety_test, read_only_and_missing_directories_give_a_clear_error) {
  using fs::perms;
  constexpr perms read_only_dir = perms::owner_read | perms::owner_exec | perms::group_read |
                                  perms::group_exec | perms::others_read | perms::others_exec;
  constexpr perms read_only_file = perms::owner_read | perms::group_read | perms::others_read;
  dt::temp_dir tmp;
  fs::permissions(tmp.path(), read_only_dir | perms::owner_write);
  const fs::path input = tmp / "articles.jsonl";
  dt::write_file(input, articles_jsonl(10));
  fs::permissions(input, read_only_file | perms::owner_write);
  dt::write_file(tmp / "more.jsonl", articles_jsonl(5, 100));
  fs::permissions(tmp / "more.jsonl", read_only_file | perms::owner_write);
  const fs::path store_dir = tmp / "archive";
  fs::create_directory(store_dir);
  const fs::path db = store_dir / "d.db";
  ASSERT_EQ(dr::run(ingest_args(db, input)).exit_code, 0);
  ASSERT_FALSE(fs::exists(db.string() + "-wal")) << "the WAL is not folded back on close";
  const auto before = dr::read_store(db);
  ASSERT_EQ(before.articles.size(), 10U);

  {
    // An archive: the directory and the store read-only. A new store cannot be made there and
    // the existing one cannot be written; both errors say which file and why. Readers still
    // read it (as immutable: SQLite could not make its -shm file there).
    const scoped_mode file_mode{db, read_only_file};
    const scoped_mode dir_mode{store_dir, read_only_dir};
    const auto made = dr::run(ingest_args(store_dir / "new.db", input), {}, true);
    EXPECT_EQ(made.exit_code, 1) << describe(made);
    EXPECT_TRUE(dr::has_line(made.err, "diplograph: cannot open database " + (store_dir / "new.db").string(),
                             "(its directory " + store_dir.string() + " is not writable)"))
        << describe(made);
    const auto added = dr::run(ingest_args(db, tmp / "more.jsonl"), {}, true);
    EXPECT_EQ(added.exit_code, 1) << describe(added);
    EXPECT_TRUE(dr::exited_cleanly(added)) << describe(added);
    EXPECT_TRUE(dr::has_line(added.err, "diplograph: cannot open database " + db.string(), "read-only"))
        << describe(added);
    const auto stats = dr::run({"stats", "--db", db.string()}, {}, true);
    EXPECT_EQ(stats.exit_code, 0) << describe(stats);
    EXPECT_NE(stats.out.find("articles: 10\n"), std::string::npos) << describe(stats);
    const auto exported = dr::run({"export", "--db", db.string(), "--format", "graphml"}, {}, true);
    EXPECT_EQ(exported.exit_code, 0) << describe(exported);
    EXPECT_NE(exported.out.find("<graphml"), std::string::npos) << describe(exported);
  }
  {
    // Only the file read-only.
    const scoped_mode file_mode{db, read_only_file};
    fs::permissions(store_dir, perms::all);
    const auto added = dr::run(ingest_args(db, tmp / "more.jsonl"), {}, true);
    EXPECT_EQ(added.exit_code, 1) << describe(added);
    EXPECT_TRUE(dr::has_line(added.err, "diplograph: cannot open database " + db.string(), "read-only"))
        << describe(added);
    const auto stats = dr::run({"stats", "--db", db.string()}, {}, true);
    EXPECT_EQ(stats.exit_code, 0) << describe(stats);
  }
  // A directory that does not exist is named as such, and nothing is created.
  const fs::path missing = tmp / "no" / "such" / "dir" / "d.db";
  const auto nowhere = dr::run(ingest_args(missing, input));
  EXPECT_EQ(nowhere.exit_code, 1) << describe(nowhere);
  EXPECT_TRUE(dr::has_line(nowhere.err, "diplograph: cannot open database " + missing.string(),
                           "(its directory " + missing.parent_path().string() + " does not exist)"))
      << describe(nowhere);
  EXPECT_FALSE(fs::exists(tmp / "no"));

  const auto after = dr::read_store(db);
  EXPECT_EQ(after.integrity, "ok");
  EXPECT_TRUE(after.articles == before.articles);
}

TEST(store_safety_test, a_full_disk_stops_the_ingest_with_a_clear_error_and_keeps_what_was_stored) {
  dt::temp_dir tmp;
  const fs::path db = tmp / "d.db";
  dt::write_file(tmp / "first.jsonl", articles_jsonl(40));
  ASSERT_EQ(dr::run(ingest_args(db, tmp / "first.jsonl")).exit_code, 0);
  const auto before = dr::read_store(db);
  ASSERT_EQ(before.articles.size(), 40U);
  const reference_store ref = ingest_reference(tmp, "second.jsonl", 600, 1000, {});
  const fs::path& second = ref.input;

  // The "disk" holds a few pages more than the store now has.
  long pages = 0;
  {
    const auto r = dt::run_command("sqlite3 " + dt::shell_quote(db.string()) + " 'PRAGMA page_count'");
    pages = r.exit_code == 0 ? std::stol(r.out) : 0;
  }
  ASSERT_GT(pages, 0);
  const std::vector<std::string> full{"DIPLOGRAPH_STORE_MAX_PAGES=" + std::to_string(pages + 8),
                                      "DIPLOGRAPH_INGEST_BATCH=10"};
  const auto r = dr::run(ingest_args(db, second), full);
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  EXPECT_TRUE(dr::has_line(r.err, "diplograph: cannot ", db.string() + ": database or disk is full"))
      << describe(r);
  const auto after = dr::read_store(db);
  EXPECT_EQ(after.integrity, "ok");
  for (const auto& [id, counts] : before.articles) {
    const auto it = after.articles.find(id);
    ASSERT_NE(it, after.articles.end()) << id << " was lost";
    EXPECT_TRUE(it->second == counts) << id << " changed";
  }
  std::size_t from_second = 0;
  for (const auto& [id, counts] : after.articles) {
    if (before.articles.count(id) != 0) continue;
    ++from_second;
    const auto it = ref.contents.articles.find(id);
    ASSERT_NE(it, ref.contents.articles.end()) << id;
    EXPECT_TRUE(it->second == counts) << id << " is stored in part";
  }
  EXPECT_LT(from_second, 600U);

  // A store that cannot even hold its schema says so.
  const fs::path tiny = tmp / "tiny.db";
  const auto t = dr::run(ingest_args(tiny, second), {"DIPLOGRAPH_STORE_MAX_PAGES=2"});
  EXPECT_EQ(t.exit_code, 1) << describe(t);
  EXPECT_TRUE(dr::has_line(t.err, "diplograph: cannot migrate database " + tiny.string(), "disk is full"))
      << describe(t);
  // With space again, the ingest goes on where it stopped.
  const auto resumed = dr::run(ingest_args(db, second));
  EXPECT_EQ(resumed.exit_code, 0) << describe(resumed);
  EXPECT_EQ(dr::read_store(db).articles.size(), 640U);
}

}  // namespace
