#include "diplograph/core/cameo.hpp"

#include <charconv>
#include <fstream>

namespace diplograph::core {

quad_class quad_of_root(int root) {
  if (root <= 5) return quad_class::verbal_cooperation;
  if (root <= 8) return quad_class::material_cooperation;
  if (root <= 13) return quad_class::verbal_conflict;
  return quad_class::material_conflict;
}

cameo_table cameo_table::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw core_error("cannot open CAMEO table " + file.string());
  cameo_table table;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::string fields[5];
    std::size_t field = 0;
    for (char c : line) {
      if (c == '\t' && field < 4) {
        ++field;
      } else {
        fields[field] += c;
      }
    }
    const auto bad = [&](const std::string& why) {
      return core_error(file.string() + ':' + std::to_string(number) + ": " + why);
    };
    if (field < 3) throw bad("expected code, goldstein, quad class, plover, label");
    cameo_code entry;
    entry.code = fields[0];
    if (entry.code.size() < 2 || entry.code.size() > 4 ||
        entry.code.find_first_not_of("0123456789") != std::string::npos)
      throw bad("bad CAMEO code '" + entry.code + "'");
    auto [p, ec] = std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(),
                                   entry.goldstein);
    if (ec != std::errc{} || entry.goldstein < -10 || entry.goldstein > 10)
      throw bad("bad Goldstein score '" + fields[1] + "'");
    if (fields[2].size() != 1 || fields[2][0] < '1' || fields[2][0] > '4')
      throw bad("bad quad class '" + fields[2] + "'");
    entry.quad = static_cast<quad_class>(fields[2][0] - '0');
    entry.plover = fields[3];
    entry.label = fields[4];
    table.codes_[entry.code] = std::move(entry);
  }
  if (table.codes_.empty()) throw core_error("CAMEO table " + file.string() + " is empty");
  return table;
}

const cameo_code* cameo_table::find(std::string_view code) const {
  while (code.size() >= 2) {
    if (auto it = codes_.find(code); it != codes_.end()) return &it->second;
    code.remove_suffix(1);
  }
  return nullptr;
}

}  // namespace diplograph::core
