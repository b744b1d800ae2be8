#pragma once
// Filters, sorting and paging of the volunteer list (GUI tables, CLI).
#include <optional>

#include <QDate>
#include <QString>

#include "model/vocabulary.h"

namespace dd::model {

// Empty fields do not filter. name and phone match anywhere in the value;
// registryNo and idNumber match from the start; text matches any of the four.
struct VolunteerFilter {
  QString text;
  QString name;
  QString registryNo;
  QString idNumber;
  QString phone;
  std::optional<VolunteerStatus> status;
  QString prefecture;
  QString county;
};

enum class VolunteerSort { RegistryNo, Name, BirthDate, Status, Region, LastContact };

struct VolunteerQuery {
  VolunteerFilter filter;
  VolunteerSort sort = VolunteerSort::RegistryNo;
  bool descending = false;
  int offset = 0;
  int limit = 100;
};

// The volunteers of one recruitment drive: registered on `date` (and at
// `place` when set; "" means no place recorded), or, when importBatchId is
// not 0, created by that import batch (date and place are then ignored).
struct DriveSelector {
  QDate date;
  std::optional<QString> place;
  qint64 importBatchId = 0;
};

struct PatientQuery {
  QString text;  // name or case number, anywhere
  QString searchStatus;
  int offset = 0;
  int limit = 100;
};

}  // namespace dd::model
