#include "store/volunteer_change_feed.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/store_errors.h"

namespace dd::store {

VolunteerChangeFeed::VolunteerChangeFeed(Database& db) : db_(db) {}

VolunteerChangeFeed::~VolunteerChangeFeed() {
  stop();
}

Status VolunteerChangeFeed::listen(Callback callback) {
  stop();
  if (db_.backend() != Backend::Postgres)
    return makeError("store.no_notifications", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store",
                                       "This database cannot announce other workstations' changes "
                                       "(only PostgreSQL can)."));
  // The trigger names the table's schema: keep our registry's only (several
  // registries may share one PostgreSQL database).
  QSqlQuery q(db_.sql());
  if (!q.exec(QStringLiteral("SELECT current_schema()")) || !q.next())
    return databaseError(QStringLiteral("reading the registry's schema"), q.lastError());
  const QString schema = q.value(0).toString();
  QSqlDriver* driver = db_.sql().driver();
  const QString channel = QString::fromLatin1(kChannel);
  if (!driver->subscribeToNotification(channel))
    return databaseError(QStringLiteral("listening for volunteer changes"), driver->lastError());
  connection_ = QObject::connect(
      driver, &QSqlDriver::notification, driver,
      [channel, schema, callback = std::move(callback)](
          const QString& name, QSqlDriver::NotificationSource source, const QVariant& payload) {
        if (name != channel) return;
        const QString text = payload.toString();
        const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
        if (space <= 0 || text.left(space) != schema) return;
        bool ok = false;
        const qint64 id = text.mid(space + 1).toLongLong(&ok);
        if (!ok || id < 0) return;
        callback(id, source == QSqlDriver::SelfSource);
      });
  listening_ = true;
  return {};
}

void VolunteerChangeFeed::stop() {
  if (!listening_) return;
  QObject::disconnect(connection_);
  if (QSqlDriver* driver = db_.sql().driver(); driver && db_.sql().isOpen())
    driver->unsubscribeFromNotification(QString::fromLatin1(kChannel));
  listening_ = false;
}

}  // namespace dd::store
