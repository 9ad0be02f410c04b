#include "merge_verb.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include "diplograph/store/database.hpp"
#include "options.hpp"

namespace diplograph::cli {

namespace fs = std::filesystem;

CLI::App* add_merge_verb(CLI::App& app, merge_verb_options& o) {
  auto* cmd = app.add_subcommand(
      "merge", "Add the articles, events and stances of other stores (shards) to one store");
  cmd->add_option("inputs", o.inputs, "Stores to merge, in this order")->required();
  cmd->add_option("-o,--output", o.output, "The store to add to (created when missing)")->required();
  return cmd;
}

int run_merge(const merge_verb_options& o, std::ostream& out, std::ostream& err) {
  store::database db{o.output};
  std::size_t failed = 0;
  for (const std::string& input : o.inputs) {
    std::error_code ec;
    if (fs::equivalent(input, o.output, ec)) {
      out << "skipped " << input << ": it is the output store\n";
      continue;
    }
    if (!fs::exists(input, ec)) {
      err << "diplograph: cannot merge " << input << " into " << o.output << ": no such file\n";
      ++failed;
      continue;
    }
    try {
      const store::merge_counts c = db.merge(input);
      out << "merged " << input << ": " << c.articles << " articles, " << c.added << " added, "
          << c.already << " already stored, " << c.events << " events, " << c.stances
          << " stances\n";
    } catch (const store::store_error& e) {
      err << "diplograph: " << e.what() << '\n';
      ++failed;
    }
  }
  const store::counts s = db.stats();
  out << "store " << o.output << ": " << s.articles << " articles, " << s.events << " events, "
      << s.actors << " actors";
  if (failed > 0) out << " (" << failed << " of " << o.inputs.size() << " inputs failed)";
  out << '\n';
  return failed > 0 ? exit_bad_input : exit_ok;
}

}  // namespace diplograph::cli
