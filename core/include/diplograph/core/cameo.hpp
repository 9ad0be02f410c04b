#pragma once
// Usage:
//   auto table = cameo_table::load("dictionaries/cameo_codes.tsv");
//   const cameo_code* c = table.find("042");  // goldstein, quad class, PLOVER, label
// Throws core_error when the file cannot be read or a line is malformed.

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "diplograph/core/event.hpp"

namespace diplograph::core {

struct core_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct cameo_code {
  std::string code;
  double goldstein = 0.0;
  quad_class quad = quad_class::verbal_cooperation;
  std::string plover;
  std::string label;
};

class cameo_table {
 public:
  static cameo_table load(const std::filesystem::path& file);

  // The entry for `code`, falling back to its 3- and 2-digit parents; nullptr if unknown.
  const cameo_code* find(std::string_view code) const;
  std::size_t size() const { return codes_.size(); }

 private:
  std::map<std::string, cameo_code, std::less<>> codes_;
};

// The root's quad class, derived from the first two digits (for codes outside the table).
quad_class quad_of_root(int root);

}  // namespace diplograph::core
