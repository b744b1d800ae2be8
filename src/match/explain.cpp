#include "match/explain.h"

namespace dd::match {
namespace {
dd::Message message(const char* text, std::vector<std::string> args = {}) {
  return dd::Message{"dd::match", text, std::move(args)};
}
}  // namespace

std::vector<dd::Message> explainLocus(const LocusGrade& grade) {
  std::vector<dd::Message> out;
  for (const auto& p : grade.position) {
    switch (p.grade) {
      case Grade::AlleleMatch: out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "allele match"))); break;
      case Grade::PotentialAlleleMatch:
        out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "potential allele match: %1 of %2 possible allele pairs match"),
                              {std::to_string(p.matched), std::to_string(p.possible)}));
        break;
      case Grade::AntigenMatch:
        out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "allele mismatch within a matching antigen")));
        break;
      case Grade::AntigenMismatch: out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "antigen mismatch"))); break;
      case Grade::Untyped: out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "not typed"))); break;
    }
    if (p.grade != Grade::Untyped)
      out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "ATLAS grade %1, confidence %2"),
                            {matchGradeKey(p.detail), confidenceKey(p.confidence)}));
  }
  if (grade.direction() == MismatchDirection::GvhOnly)
    out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "mismatch in the graft-versus-host direction only "
                                                         "(the donor presents one antigen here: homozygous, or "
                                                         "a null beside it)")));
  if (grade.direction() == MismatchDirection::HvgOnly)
    out.push_back(message(QT_TRANSLATE_NOOP("dd::match", "mismatch in the host-versus-graft direction only "
                                                         "(the patient presents one antigen here: homozygous, or "
                                                         "a null beside it)")));
  return out;
}

dd::Message explainDpb1(Dpb1Category category) {
  switch (category) {
    case Dpb1Category::Match: return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 match"));
    case Dpb1Category::PotentialMatch:
      return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 potential match (ambiguous typing that includes the "
                                                    "patient's alleles)"));
    case Dpb1Category::Permissive: return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 TCE permissive mismatch"));
    case Dpb1Category::NonPermissiveGvh:
      return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 TCE non-permissive (GvH direction)"));
    case Dpb1Category::NonPermissiveHvg:
      return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 TCE non-permissive (HvG direction)"));
    case Dpb1Category::Unknown: return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 TCE group unknown"));
    case Dpb1Category::Untyped: break;
  }
  return message(QT_TRANSLATE_NOOP("dd::match", "DPB1 not typed"));
}

dd::Message explainAvailability(Availability availability) {
  switch (availability) {
    case Availability::Available: return message(QT_TRANSLATE_NOOP("dd::match", "available"));
    case Availability::Deferred: return message(QT_TRANSLATE_NOOP("dd::match", "deferred"));
    case Availability::Reserved: return message(QT_TRANSLATE_NOOP("dd::match", "reserved for another patient"));
    case Availability::Lost: return message(QT_TRANSLATE_NOOP("dd::match", "lost contact"));
    case Availability::Withdrawn: return message(QT_TRANSLATE_NOOP("dd::match", "withdrawn"));
    case Availability::Retired: return message(QT_TRANSLATE_NOOP("dd::match", "retired"));
    case Availability::Donated: return message(QT_TRANSLATE_NOOP("dd::match", "has donated"));
    case Availability::Removed: break;
  }
  return message(QT_TRANSLATE_NOOP("dd::match", "removed"));
}

}  // namespace dd::match
