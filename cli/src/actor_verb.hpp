#pragma once
// Usage: run_actor({"Syrian chief negotiator"}, "2017-03-24", dict_dir, in, out, err)
// `diplograph actor`: resolves actor phrases to CAMEO codes, one JSON object per phrase:
// {"id", "text", "code", "country", "roles", "name", "kind"} with "code" null when unknown.
// With "-" it reads JSONL {"id", "text", "date"?} from `in`.

#include <iosfwd>
#include <string>
#include <vector>

#include "options.hpp"

namespace diplograph::cli {

int run_actor(const std::vector<std::string>& phrases, const std::string& date,
              const dictionary_options& dictionaries, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace diplograph::cli
