#pragma once
// The registry-wide lost-contact rule (docs/retention.md): a volunteer with
// `failedAttempts` failed contact attempts and no success within `months`
// months is marked lost contact. Stored in the database so every workstation
// applies the same numbers; these are the defaults of a registry that never
// set them.
namespace dd::model {

struct RetentionRules {
  int failedAttempts = 3;
  int months = 12;
  static constexpr int kMaxAttempts = 50;
  static constexpr int kMaxMonths = 120;
  bool operator==(const RetentionRules&) const = default;
};

}  // namespace dd::model
