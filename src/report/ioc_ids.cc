// Ids and texts shared by the IOC exporters.
#include <openssl/evp.h>

#include "report/ioc_export.h"
#include "util/hex.h"

namespace shodo::report {

std::string uuid_v5(std::string_view namespace_uuid, std::string_view name) {
  std::string input;
  for (size_t i = 0; i + 1 < namespace_uuid.size(); ++i) {
    if (namespace_uuid[i] == '-') continue;
    input += static_cast<char>(util::hex_value(namespace_uuid[i]) * 16 +
                               util::hex_value(namespace_uuid[i + 1]));
    ++i;
  }
  input += name;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(), nullptr);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  const std::string hex = util::to_hex(digest, 16);
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20);
}

std::string case_uuid(const investigate::Investigation& inv, std::string_view kind,
                      std::string_view key) {
  std::string name(kind);
  name += '|';
  name += inv.case_info.number;
  name += '|';
  name += key;
  return uuid_v5(kShodoUuidNamespace, name);
}

std::string joined_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ' ';
    out += id;
  }
  return out;
}

std::string indicator_comment(const investigate::Indicator& indicator) {
  std::string text = indicator.description.en;
  if (!indicator.finding_ids.empty())
    text += " (findings " + joined_ids(indicator.finding_ids) + ")";
  return text;
}

}  // namespace shodo::report
