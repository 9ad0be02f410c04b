#pragma once
// Usage: for (const migration& m : migrations()) if (m.version > current) db.exec(m.sql);
// The schema as an ordered list of forward migrations. Version n is reached by applying steps
// 1..n in order; PRAGMA user_version records the version a file is at. Append new steps at the
// end; never edit a step that has shipped.

#include <span>
#include <string_view>

namespace diplograph::store::detail {

struct migration {
  int version = 0;               // the user_version the file is at after this step
  std::string_view description;  // one line, for error messages
  std::string_view sql;  // one or more statements, applied inside the migration's transaction
};

// Ensures: versions are 1, 2, ... in order.
std::span<const migration> migrations();

}  // namespace diplograph::store::detail
