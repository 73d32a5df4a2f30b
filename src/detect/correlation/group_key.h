// A correlation group: the values of the group-by fields of one event, kept
// as one string (each value length-prefixed, so no value can fake a
// separator) that is both the map key and what the finding shows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shodo::detect::correlation {

// Appends one value to a key being built.
void append_group_value(std::string& key, std::string_view value);
// The values of a key, in group-by order.
std::vector<std::string_view> group_values(std::string_view key);
// "source.ip=198.51.100.23, user.name=root"; "all events" without group-by.
std::string describe_group(const std::vector<std::string>& fields, std::string_view key);

}  // namespace shodo::detect::correlation
