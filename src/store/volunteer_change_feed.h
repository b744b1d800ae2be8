#pragma once
// Other connections' volunteer writes as they commit, on PostgreSQL: the
// trigger of schema version 9 NOTIFYs channel kChannel with "<schema> <id>"
// for every volunteer row inserted, updated or deleted ("<schema> 0" once a
// transaction changed more than a thousand: re-read them all). This listens
// on one open connection (LISTEN through QSqlDriver), keeps the
// notifications of its own registry's schema and hands their volunteer ids
// to a callback on the connection's thread (an event loop must run there).
// SQLite has no LISTEN: listen() says so, and callers keep checking the
// change stamp.
#include <functional>

#include <QMetaObject>

#include "core/expected.h"

namespace dd::store {

class Database;

class VolunteerChangeFeed {
 public:
  static constexpr const char* kChannel = "donordesk_volunteer";
  // volunteerId 0 = many volunteers; fromThisConnection: the write was made
  // through the listening connection itself.
  using Callback = std::function<void(qint64 volunteerId, bool fromThisConnection)>;

  explicit VolunteerChangeFeed(Database& db);
  ~VolunteerChangeFeed();
  VolunteerChangeFeed(const VolunteerChangeFeed&) = delete;
  VolunteerChangeFeed& operator=(const VolunteerChangeFeed&) = delete;

  // store.no_notifications on SQLite; a database error when LISTEN failed.
  Status listen(Callback callback);
  void stop();
  bool listening() const { return listening_; }

 private:
  Database& db_;
  QMetaObject::Connection connection_;
  bool listening_ = false;
};

}  // namespace dd::store
