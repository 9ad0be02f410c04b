// PETRARCH/TABARI dictionary import: see dictionary_builder::load_petrarch.
#include "diplograph/extract/dictionaries.hpp"

namespace diplograph::extract {

void dictionary_builder::load_petrarch(const std::filesystem::path& dir) {
  throw extract_error("PETRARCH dictionaries in " + dir.string() + " are not supported yet");
}

}  // namespace diplograph::extract
