#pragma once
// The one place a contact attempt is written, whoever records it (staff in
// the contact log, a campaign's results file, the workflow): the attempt,
// what the volunteer's record keeps of it (last successful contact and the
// other freshness columns) and its audit row, inside the caller's
// transaction. The caller validates the attempt, commits, and tells the
// search index.
#include <memory>

#include "app/unit_of_work.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {
class Database;
}

namespace dd::app {

// attempt.staff and attempt.at must be set; attempt.id is set on success.
Status writeContactAttempt(store::Database& db, UnitOfWork& work, model::ContactAttempt& attempt);

// The same for many attempts in one unit of work (a campaign's results
// file): the statements are prepared once and the lost-contact rule's
// numbers read once, and the volunteer's whole record is read only when a
// rule is going to change it. writeContactAttempt is a writer used once.
class ContactLogWriter {
 public:
  ContactLogWriter(store::Database& db, UnitOfWork& work);
  ~ContactLogWriter();
  ContactLogWriter(const ContactLogWriter&) = delete;
  ContactLogWriter& operator=(const ContactLogWriter&) = delete;
  Status write(model::ContactAttempt& attempt);

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace dd::app
