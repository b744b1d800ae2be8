#pragma once
// Language choice and translators. Chinese (zh_CN) is the product's first
// language: a zh system locale gets it by default, anything else gets English.
#include <QLocale>
#include <QString>
#include <QStringList>

#include "core/message.h"

namespace dd::qt {

// "zh_CN" or "en" for a requested value ("zh_CN", "zh", "zh-CN", "en", "en_US"...),
// the system locale's choice for an empty request, and an empty string for a
// language the product does not ship.
QString resolveLanguage(const QString& requested, const QLocale& system = QLocale::system());

// Installs the product's and Qt's own translators into the running
// application and sets the default QLocale. The product catalogue is read
// from translationsDir() (installed: share/donordesk/translations). Returns
// false if it is missing (English source strings, without plural forms, are
// then shown).
bool installTranslators(const QString& language);
// Whether the last installTranslators() found the product catalogue.
bool productCatalogueInstalled();

// Looks for "--name VALUE" or "--name=VALUE" before the real parser runs; used
// for options that must act before option help texts are translated.
QString preScanOption(const QStringList& arguments, const QString& name);

// A core-layer message in the UI language, placeholders filled.
QString translated(const Message& message);
QString translated(const Error& error);

}  // namespace dd::qt
