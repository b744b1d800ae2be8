#include "documents/document_data.h"

namespace dd::documents {

void DocumentData::merge(const DocumentData& other) {
  for (auto it = other.values_.begin(); it != other.values_.end(); ++it) values_.insert(it.key(), it.value());
  for (auto it = other.tables_.begin(); it != other.tables_.end(); ++it) tables_.insert(it.key(), it.value());
  for (auto it = other.flags_.begin(); it != other.flags_.end(); ++it) flags_.insert(it.key(), it.value());
}

}  // namespace dd::documents
