// Temporary: the loader is being written; these return a clear error, never fake data.
#include "hla/nomenclature.h"

namespace dd::hla {
namespace {
dd::Error notYet() {
  return dd::makeError("hla.not_implemented", "dd::hla", QT_TRANSLATE_NOOP("dd::hla", "Not implemented yet."));
}
}  // namespace

struct Nomenclature::Index {};
Nomenclature::Nomenclature() = default;
Nomenclature::Nomenclature(Nomenclature&&) noexcept = default;
Nomenclature& Nomenclature::operator=(Nomenclature&&) noexcept = default;
Nomenclature::~Nomenclature() = default;

dd::Expected<std::shared_ptr<Nomenclature>> Nomenclature::load(const std::filesystem::path&) { return notYet(); }
void Nomenclature::setMacTable(MacTable table) { mac_ = std::move(table); }
dd::Expected<ValidatedTyping> Nomenclature::validate(std::string_view, std::optional<Locus>) const { return notYet(); }
dd::Expected<std::string> Nomenclature::reduce(std::string_view, Level, std::vector<dd::Message>*) const {
  return notYet();
}
dd::Status Nomenclature::reduceInto(std::string_view, Level, std::string&, std::vector<dd::Message>*) const {
  return notYet();
}
dd::Status Nomenclature::expandSlot(std::string_view, Locus, std::vector<AlleleId>&, SlotInfo*,
                                    std::vector<dd::Message>*) const {
  return notYet();
}
std::size_t Nomenclature::alleleCount(Locus) const { return 0; }
AlleleId Nomenclature::findAllele(std::string_view) const { return kNoAllele; }
AntigenId Nomenclature::findAntigen(std::string_view) const { return kNoAntigen; }
std::span<const AntigenId> Nomenclature::splitsOf(AntigenId) const { return {}; }

std::optional<Level> parseLevel(std::string_view) { return std::nullopt; }
std::string_view levelName(Level) { return {}; }

}  // namespace dd::hla
